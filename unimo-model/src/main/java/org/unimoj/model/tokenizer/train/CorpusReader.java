package org.unimoj.model.tokenizer.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.unimoj.model.tokenizer.Gpt2PreTokenizer;
import org.unimoj.model.tokenizer.TokenizerFormatException;

/**
 * Streams a UTF-8 corpus through GPT-2's pre-tokenizer in fixed-size buffers, so a file of any
 * size is read in constant memory: a chunk is passed on once the text after it that decides its
 * end has been read. Invalid UTF-8 stops the read with the file, line and byte offset.
 */
final class CorpusReader {
    /** A word longer than this many chars (only possible in text without whitespace) is passed on in pieces of this size. */
    static final int BUFFER_CHARS = 1 << 20;

    interface WordSink {
        void word(char[] s, int from, int to);
    }

    interface ByteProgress {
        void read(long bytes);
    }

    private CorpusReader() {}

    static void read(InputStream in, String name, WordSink sink, ByteProgress progress) {
        read(in, name, sink, progress, BUFFER_CHARS);
    }

    /** As above with a buffer of {@code bufferChars} (at least 8); tests use tiny ones to cross many buffer ends. */
    static void read(InputStream in, String name, WordSink sink, ByteProgress progress, int bufferChars) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bin = ByteBuffer.allocate(Math.min(1 << 16, Math.max(16, bufferChars)));
        bin.limit(0);
        char[] buf = new char[Math.max(8, bufferChars)];
        int start = 0;
        int filled = 0;
        long linesBefore = 0;
        long bytesRead = 0;
        boolean inputDone = false;
        boolean eof = false;
        try {
            while (true) {
                if (start > 0) {
                    for (int i = 0; i < start; i++) {
                        if (buf[i] == '\n') {
                            linesBefore++;
                        }
                    }
                    System.arraycopy(buf, start, buf, 0, filled - start);
                    filled -= start;
                    start = 0;
                }
                CharBuffer out = CharBuffer.wrap(buf, filled, buf.length - filled);
                while (out.hasRemaining() && !eof) {
                    CoderResult r = dec.decode(bin, out, inputDone);
                    if (r.isError()) {
                        long line = linesBefore + 1;
                        for (int i = 0; i < out.position(); i++) {
                            if (buf[i] == '\n') {
                                line++;
                            }
                        }
                        throw new TokenizerFormatException(name + ": line " + line + ": not valid UTF-8 (byte offset "
                                + (bytesRead - bin.remaining()) + ")");
                    }
                    if (r.isOverflow()) {
                        break;
                    }
                    if (inputDone) {
                        dec.flush(out);
                        eof = true;
                        break;
                    }
                    bin.compact();
                    int n = in.read(bin.array(), bin.position(), bin.remaining());
                    if (n < 0) {
                        inputDone = true;
                    } else {
                        bin.position(bin.position() + n);
                        bytesRead += n;
                        progress.read(bytesRead);
                    }
                    bin.flip();
                }
                filled = out.position();
                while (start < filled) {
                    int e = Gpt2PreTokenizer.chunkEnd(buf, start, filled);
                    if (!eof && e > filled - 3) {
                        break; // the chars that decide this chunk's end may not be read yet
                    }
                    sink.word(buf, start, e);
                    start = e;
                }
                if (eof) {
                    return;
                }
                if (start == 0 && buf.length - filled < 2) {
                    // Full (a surrogate pair may not fit in the last char) and no chunk ended: cut this word.
                    int cut = filled - 3;
                    if (Character.isHighSurrogate(buf[cut - 1])) {
                        cut--;
                    }
                    sink.word(buf, 0, cut);
                    start = cut;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }
}
