package org.unimoj.model.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unimoj.api.text.TextEncoder;

/**
 * GPT-2 / RoBERTa byte-level BPE: text to ids and back, the same ids as GPT-2's encoder (and
 * jtokkit's {@code r50k_base}) for GPT-2's files, and RoBERTa's ids for RoBERTa's files.
 *
 * <p>Encoding: {@link Gpt2PreTokenizer} splits the text into words; each word's UTF-8 bytes
 * become byte tokens, merged by rank ({@link BpeMerger}); a {@link WordCache} remembers the ids
 * of recent words. The text is taken as plain text: {@code "<mask>"} in it is five characters,
 * not the mask token. Special ids come from {@link #clsId()} and friends, or wrapping by
 * {@link #encodeSingle} / {@link #encodePair}.
 *
 * <p>Decoding gives back exactly the text that was encoded, for every string that is valid
 * UTF-16. A lone surrogate (not representable in UTF-8) is encoded as {@code '?'}, the
 * replacement {@link String#getBytes(java.nio.charset.Charset)} makes and jtokkit therefore
 * uses; it decodes as {@code '?'}. Ids whose bytes do not form valid UTF-8 on their own (a
 * prefix of a multi-byte character) decode with U+FFFD, as {@code new String(bytes, UTF_8)} does.
 *
 * <p>Thread-safe; share one instance.
 */
public final class ByteLevelBpeTokenizer implements TextEncoder {

    /** The word cache's default number of slots (at most about 10 MB of cached words). */
    public static final int DEFAULT_CACHE_SLOTS = 1 << 17;

    private final BpeVocabulary vocab;
    private final BpeMerger merger;
    private final WordCache cache;
    private final byte[][] tokenBytes;
    private final int[] asciiIds = new int[128];
    private final boolean addPrefixSpace;

    private ByteLevelBpeTokenizer(BpeVocabulary vocab, boolean addPrefixSpace, int cacheSlots) {
        this.vocab = vocab;
        this.merger = vocab.newMerger();
        this.cache = new WordCache(cacheSlots);
        this.tokenBytes = vocab.tokenBytes();
        this.addPrefixSpace = addPrefixSpace;
        for (int c = 0; c < 128; c++) {
            asciiIds[c] = vocab.byteId(c);
        }
    }

    /**
     * Loads the tokenizer in {@code dir}: {@code vocab.json} + {@code merges.txt} if both are
     * there, else a Hugging Face {@code tokenizer.json} with a BPE model. {@code dir} may also
     * name a {@code tokenizer.json} file directly. This is the entry point for everything that
     * reads a checkpoint's or a user's vocabulary.
     *
     * @throws TokenizerFormatException if the files are missing or malformed (the message names the file and line)
     */
    public static ByteLevelBpeTokenizer load(Path dir) {
        TokenizerFiles.Loaded loaded = TokenizerFiles.read(dir);
        return new ByteLevelBpeTokenizer(loaded.vocabulary(), loaded.addPrefixSpace(), DEFAULT_CACHE_SLOTS);
    }

    /** A tokenizer over an in-memory vocabulary (a trained one, or one converted from other tables). */
    public static ByteLevelBpeTokenizer of(BpeVocabulary vocab) {
        return new ByteLevelBpeTokenizer(vocab, false, DEFAULT_CACHE_SLOTS);
    }

    /**
     * A tokenizer with explicit options.
     *
     * @param addPrefixSpace prepend U+0020 to a text that does not start with one (Hugging Face's
     *                       {@code add_prefix_space}), so a first word is tokenized like later ones;
     *                       decoding then gives the text with that space
     * @param cacheSlots     word-cache slots; 0 turns the cache off
     */
    public static ByteLevelBpeTokenizer of(BpeVocabulary vocab, boolean addPrefixSpace, int cacheSlots) {
        return new ByteLevelBpeTokenizer(vocab, addPrefixSpace, cacheSlots);
    }

    public BpeVocabulary vocabulary() {
        return vocab;
    }

    /** Writes this tokenizer's {@code vocab.json} and {@code merges.txt} into {@code dir} (e.g. beside a checkpoint's weights). */
    public void save(Path dir) throws java.io.IOException {
        TokenizerFiles.write(vocab, dir);
    }

    @Override
    public int[] encode(String text) {
        int n = text.length();
        char[] s;
        if (addPrefixSpace && n > 0 && text.charAt(0) != ' ') {
            s = new char[n + 1];
            s[0] = ' ';
            text.getChars(0, n, s, 1);
            n++;
        } else {
            s = text.toCharArray();
        }
        IntList out = new IntList(n / 4 + 8);
        int i = 0;
        while (i < n) {
            int e = Gpt2PreTokenizer.chunkEnd(s, i, n);
            appendWord(s, i, e, out);
            i = e;
        }
        return out.toArray();
    }

    private void appendWord(char[] s, int from, int to, IntList out) {
        int len = to - from;
        if (len == 1 && s[from] < 128) {
            out.add(asciiIds[s[from]]);
            return;
        }
        if (len <= WordCache.MAX_WORD_CHARS) {
            int h = WordCache.hash(s, from, to);
            int[] ids = cache.get(s, from, to, h);
            if (ids == null) {
                ids = encodeWord(s, from, to);
                cache.put(s, from, to, h, ids);
            }
            out.addAll(ids);
        } else {
            out.addAll(encodeWord(s, from, to));
        }
    }

    /** UTF-8 (a lone surrogate as '?') then BPE. */
    private int[] encodeWord(char[] s, int from, int to) {
        byte[] b = new byte[(to - from) * 3];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | (c >> 6));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s[i + 1])) {
                    int cp = Character.toCodePoint(c, s[++i]);
                    b[n++] = (byte) (0xF0 | (cp >> 18));
                    b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[n++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[n++] = '?';
                }
            } else {
                b[n++] = (byte) (0xE0 | (c >> 12));
                b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return merger.encode(b, n);
    }

    /** The bytes of {@code ids}, control tokens dropped. */
    public byte[] decodeBytes(int[] ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ids.length * 4);
        for (int id : ids) {
            if (id < 0 || id >= tokenBytes.length || (tokenBytes[id] == null && !vocab.isControl(id))) {
                throw new IllegalArgumentException("id " + id + " is not in the vocabulary (" + vocab.source()
                        + ", ids 0.." + (tokenBytes.length - 1) + ")");
            }
            byte[] b = tokenBytes[id];
            if (b != null) {
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    @Override
    public String decode(int[] ids) {
        return new String(decodeBytes(ids), StandardCharsets.UTF_8);
    }

    /** The token strings of {@code ids} (in the byte alphabet: {@code 'Ġ'} for a leading space), for display. */
    public List<String> tokens(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(vocab.token(id));
        }
        return out;
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    public SpecialTokens specialTokens() {
        return vocab.specials();
    }

    /** {@code <s>}; throws {@link IllegalStateException} if the vocabulary has none (GPT-2's own files). */
    @Override
    public int clsId() {
        return special(vocab.specials().cls(), SpecialTokens.CLS);
    }

    /** {@code </s>}; throws {@link IllegalStateException} if the vocabulary has none. */
    @Override
    public int sepId() {
        return special(vocab.specials().sep(), SpecialTokens.SEP);
    }

    /** {@code <pad>}; throws {@link IllegalStateException} if the vocabulary has none. */
    @Override
    public int padId() {
        return special(vocab.specials().pad(), SpecialTokens.PAD);
    }

    /** {@code <unk>}; throws {@link IllegalStateException} if the vocabulary has none. Byte-level BPE never produces it from text. */
    @Override
    public int unkId() {
        return special(vocab.specials().unk(), SpecialTokens.UNK);
    }

    /** {@code <mask>}; throws {@link IllegalStateException} if the vocabulary has none. */
    @Override
    public int maskId() {
        return special(vocab.specials().mask(), SpecialTokens.MASK);
    }

    private int special(int id, String name) {
        if (id < 0) {
            throw new IllegalStateException("the vocabulary " + vocab.source() + " has no " + name
                    + " token (GPT-2's own files define none of RoBERTa's specials); use RoBERTa's files or train a vocabulary");
        }
        return id;
    }

    /**
     * {@code [CLS] a [SEP] b [SEP]} in at most {@code maxLength} ids, cut by {@code truncation}.
     * {@link #encodePair(String, String, int)} is this with {@link Truncation#LONGEST_FIRST}.
     */
    public int[] encodePair(String a, String b, int maxLength, Truncation truncation) {
        if (maxLength < 3) {
            throw new IllegalArgumentException("maxLength must be at least 3, got " + maxLength);
        }
        int[] x = encode(a);
        int[] y = encode(b);
        int[] n = truncation.fit(x.length, y.length, maxLength - 3);
        int[] out = new int[n[0] + n[1] + 3];
        out[0] = clsId();
        System.arraycopy(x, 0, out, 1, n[0]);
        out[n[0] + 1] = sepId();
        System.arraycopy(y, 0, out, n[0] + 2, n[1]);
        out[n[0] + n[1] + 2] = sepId();
        return out;
    }

    @Override
    public int[] encodePair(String a, String b, int maxLength) {
        return encodePair(a, b, maxLength, Truncation.LONGEST_FIRST);
    }

    /** {@code [CLS] text [SEP]} for each text, padded to the longest with {@code <pad>}, with attention masks. */
    public PaddedBatch encodeBatch(List<String> texts, int maxLength) {
        List<int[]> seqs = new ArrayList<>(texts.size());
        for (String t : texts) {
            seqs.add(encodeSingle(t, maxLength));
        }
        return PaddedBatch.of(seqs, padId());
    }

    @Override
    public String toString() {
        return "ByteLevelBpeTokenizer[" + vocab + (addPrefixSpace ? ", add_prefix_space" : "") + "]";
    }
}
