package io.jresty.server.conf;

/** What follows a directive's arguments: ";", a block of directives, Lua source, or free-form entries. */
public enum BlockKind {
    /** A simple directive ending with ";". */
    NONE,
    /** A block of directives of an inner context ({@code http}, {@code server}, {@code location}, ...). */
    DIRECTIVES,
    /** A {@code *_by_lua_block}: the text between the braces is Lua, read by Lua's lexical rules. */
    LUA,
    /** A block of entries that are not directives ({@code types}, {@code map}): each line is words and ";". */
    ENTRIES
}
