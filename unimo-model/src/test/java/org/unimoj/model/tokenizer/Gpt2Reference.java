package org.unimoj.model.tokenizer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's GPT-2 {@code encoder.py}, transcribed line for line (string tokens, {@code bpe()} merging
 * every occurrence of the best bigram per round, the regular expression for the split), reading
 * vocab.json + merges.txt itself. It shares no code with the tokenizer under test: it is the
 * "any GPT-2-style tokenizer" that must read the trainer's files.
 */
final class Gpt2Reference {
    private static final Pattern PAT = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, Integer> encoder;
    private final Map<List<String>, Integer> bpeRanks = new HashMap<>();
    private final String[] byteEncoder = new String[256];
    private final Map<String, List<String>> cache = new HashMap<>();

    Gpt2Reference(Path dir) throws IOException {
        encoder = new ObjectMapper().readValue(dir.resolve("vocab.json").toFile(), new TypeReference<Map<String, Integer>>() {});
        String[] lines = Files.readString(dir.resolve("merges.txt"), StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) { // bpe_data.split('\n')[1:-1]
            if (!lines[i].isEmpty()) {
                bpeRanks.put(List.of(lines[i].split(" ")), bpeRanks.size());
            }
        }
        // bytes_to_unicode()
        List<Integer> bs = new ArrayList<>();
        for (int b = '!'; b <= '~'; b++) bs.add(b);
        for (int b = 0xA1; b <= 0xAC; b++) bs.add(b);
        for (int b = 0xAE; b <= 0xFF; b++) bs.add(b);
        List<Integer> cs = new ArrayList<>(bs);
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!bs.contains(b)) {
                bs.add(b);
                cs.add(256 + n++);
            }
        }
        for (int i = 0; i < 256; i++) {
            byteEncoder[bs.get(i)] = String.valueOf((char) (int) cs.get(i));
        }
    }

    private List<String> bpe(String token) {
        List<String> cached = cache.get(token);
        if (cached != null) {
            return cached;
        }
        List<String> word = new ArrayList<>();
        for (char c : token.toCharArray()) {
            word.add(String.valueOf(c));
        }
        while (word.size() > 1) {
            List<String> bigram = null;
            int best = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer r = bpeRanks.get(List.of(word.get(i), word.get(i + 1)));
                if (r != null && r < best) {
                    best = r;
                    bigram = List.of(word.get(i), word.get(i + 1));
                }
            }
            if (bigram == null) {
                break;
            }
            List<String> newWord = new ArrayList<>();
            int i = 0;
            while (i < word.size()) {
                int j = word.subList(i, word.size()).indexOf(bigram.get(0));
                if (j < 0) {
                    newWord.addAll(word.subList(i, word.size()));
                    break;
                }
                newWord.addAll(word.subList(i, i + j));
                i += j;
                if (i < word.size() - 1 && word.get(i + 1).equals(bigram.get(1))) {
                    newWord.add(bigram.get(0) + bigram.get(1));
                    i += 2;
                } else {
                    newWord.add(word.get(i));
                    i += 1;
                }
            }
            word = newWord;
        }
        cache.put(token, word);
        return word;
    }

    int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        Matcher m = PAT.matcher(text);
        while (m.find()) {
            StringBuilder t = new StringBuilder();
            for (byte b : m.group().getBytes(StandardCharsets.UTF_8)) {
                t.append(byteEncoder[b & 0xFF]);
            }
            for (String piece : bpe(t.toString())) {
                ids.add(encoder.get(piece));
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
