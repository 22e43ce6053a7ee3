package org.unimoj.model.tokenizer;

/** A tokenizer file that cannot be read as a byte-level BPE vocabulary; the message names the file, the line (or entry) and the field. */
public final class TokenizerFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TokenizerFormatException(String message) {
        super(message);
    }

    public TokenizerFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
