package io.jresty.core.compile;

/**
 * The name a chunk shows in error messages, by Lua 5.1's rules ({@code luaO_chunkid}):
 * {@code "=name"} shows as {@code name}, {@code "@file"} as {@code file}, anything else as
 * {@code [string "first line..."]}. lua-nginx-module names inline code
 * {@code "=content_by_lua(nginx.conf:12)"}, so errors read {@code content_by_lua(nginx.conf:12):3: ...}.
 */
final class ChunkId {
    /** LUA_IDSIZE: the room Lua leaves for a chunk id, terminator included. */
    private static final int ID_SIZE = 60;

    private ChunkId() {}

    static String of(String chunkName) {
        if (chunkName == null) {
            return "?";
        }
        if (chunkName.startsWith("=")) {
            String name = chunkName.substring(1);
            return name.length() < ID_SIZE ? name : name.substring(0, ID_SIZE - 1);
        }
        if (chunkName.startsWith("@")) {
            String file = chunkName.substring(1);
            int room = ID_SIZE - 1;
            // a long path keeps its end, where the file name is
            return file.length() <= room ? file : "..." + file.substring(file.length() - (room - 3));
        }
        int firstLine = firstLineEnd(chunkName);
        int room = ID_SIZE - " [string \"...\"] ".length() - 1;
        int len = Math.min(firstLine, room);
        boolean cut = len < chunkName.length();
        return "[string \"" + chunkName.substring(0, len) + (cut ? "..." : "") + "\"]";
    }

    private static int firstLineEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return s.length();
    }
}
