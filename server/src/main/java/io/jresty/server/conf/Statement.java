package io.jresty.server.conf;

import java.util.List;

/**
 * What nginx's tokenizer hands the parser at each step: the words of one directive and how
 * it ended, or a lone "}" or the end of the file.
 *
 * @param line the line of the character that ended it (nginx reports errors there)
 */
record Statement(List<String> words, End end, int line) {
    enum End { SEMICOLON, BLOCK_START, BLOCK_END, FILE_END }
}
