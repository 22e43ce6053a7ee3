package org.unimoj.tasks.metrics.meteor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.stream.IntStream;
import org.unimoj.augment.wordnet.WordNet;

/**
 * METEOR as pycocoevalcap runs METEOR 1.5 ({@code -l en -norm}): each candidate is normalised with the
 * references, aligned to every reference (exact, stem and WordNet-synonym modules), and the reference
 * with the best segment score is kept; the corpus score is computed from the summed statistics of all
 * segments (METEOR's {@code EVAL}), not averaged over segments.
 *
 * <p>Differences from METEOR 1.5:
 * <ul>
 *   <li>no paraphrase module (METEOR's English paraphrase table is not available here), so phrases
 *       that only it would match stay unmatched and scores can be slightly lower;</li>
 *   <li>synonyms come from WordNet 3.1 through extJWNL ({@link WordNetSynonyms}) instead of METEOR's
 *       WordNet 3.0 tables;</li>
 *   <li>stems come from Lucene's Snowball English stemmer, a newer release of the Snowball stemmer
 *       METEOR bundles;</li>
 *   <li>the normaliser lacks METEOR's English non-breaking-prefix list (see {@link MeteorNormalizer}).</li>
 * </ul>
 * Parameters are METEOR 1.5's English defaults ({@link MeteorParameters#ENGLISH_1_5}). Thread-safe;
 * the corpus method scores segments in parallel.
 */
public final class Meteor {

    private final MeteorAligner aligner;
    private final MeteorParameters parameters;

    public Meteor(MeteorSynonyms synonyms, MeteorParameters parameters) {
        this.aligner = new MeteorAligner(synonyms);
        this.parameters = parameters;
    }

    /** METEOR 1.5 English with WordNet 3.1 synonyms. */
    public static Meteor english() {
        return new Meteor(new WordNetSynonyms(WordNet.shared()), MeteorParameters.ENGLISH_1_5);
    }

    public MeteorParameters parameters() {
        return parameters;
    }

    /** The corpus METEOR of tokenized candidates against their references. */
    public double corpus(Map<String, List<String>> refs, Map<String, String> cands) {
        return score(corpusStats(refs, cands));
    }

    /** The summed statistics of all candidates (each against its best reference). */
    public MeteorStats corpusStats(Map<String, List<String>> refs, Map<String, String> cands) {
        List<String> ids = new ArrayList<>(cands.keySet());
        for (String id : ids) {
            List<String> r = refs.get(id);
            if (r == null || r.isEmpty()) {
                throw new IllegalArgumentException("candidate '" + id + "' has no references");
            }
        }
        MeteorStats[] per = new MeteorStats[ids.size()];
        IntStream.range(0, ids.size()).parallel().forEach(i -> per[i] = segmentStats(cands.get(ids.get(i)), refs.get(ids.get(i))));
        MeteorStats total = MeteorStats.zero();
        for (MeteorStats s : per) {
            total = total.plus(s);
        }
        return total;
    }

    /** The statistics of {@code test} against the reference giving the best segment score (the first on ties). */
    public MeteorStats segmentStats(String test, List<String> references) {
        MeteorAligner.Words testWords = aligner.testWords(words(prepare(test)));
        MeteorStats best = null;
        double bestScore = -1;
        for (String reference : references) {
            MeteorStats s = stats(aligner.align(testWords, aligner.words(words(prepare(reference)))));
            double sc = s.score(parameters);
            if (sc > bestScore) {
                best = s;
                bestScore = sc;
            }
        }
        return best;
    }

    /** METEOR of one segment against its references. */
    public double segment(String test, List<String> references) {
        return segmentStats(test, references).score(parameters);
    }

    public double score(MeteorStats stats) {
        return stats.score(parameters);
    }

    /** pycocoevalcap strips "|||" and doubled spaces from the hypothesis; METEOR then normalises and lowercases. */
    private static String prepare(String s) {
        return MeteorNormalizer.normalize(s.replace("|||", "").replace("  ", " ").trim());
    }

    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringTokenizer tok = new StringTokenizer(line);
        while (tok.hasMoreTokens()) {
            out.add(tok.nextToken());
        }
        return out;
    }

    private static MeteorStats stats(MeteorAligner.Alignment a) {
        int m = MeteorAligner.MODULES;
        boolean[] function1 = new boolean[a.test().size()];
        boolean[] function2 = new boolean[a.ref().size()];
        int testFunctionWords = 0;
        int refFunctionWords = 0;
        for (int i = 0; i < function1.length; i++) {
            function1[i] = FunctionWords.ENGLISH.contains(a.test().words()[i]);
            testFunctionWords += function1[i] ? 1 : 0;
        }
        for (int i = 0; i < function2.length; i++) {
            function2[i] = FunctionWords.ENGLISH.contains(a.ref().words()[i]);
            refFunctionWords += function2[i] ? 1 : 0;
        }
        double[] tc = new double[m];
        double[] rc = new double[m];
        double[] tf = new double[m];
        double[] rf = new double[m];
        for (MeteorAligner.Match match : a.matches()) {
            if (match == null) {
                continue;
            }
            for (int k = 0; k < match.matchLength(); k++) {
                if (function1[match.matchStart() + k]) {
                    tf[match.module()]++;
                } else {
                    tc[match.module()]++;
                }
            }
            for (int k = 0; k < match.length(); k++) {
                if (function2[match.start() + k]) {
                    rf[match.module()]++;
                } else {
                    rc[match.module()]++;
                }
            }
        }
        double testMatches = 0;
        double refMatches = 0;
        for (int i = 0; i < m; i++) {
            testMatches += tc[i] + tf[i];
            refMatches += rc[i] + rf[i];
        }
        return new MeteorStats(a.test().size(), a.ref().size(), testFunctionWords, refFunctionWords,
                tc, rc, tf, rf, a.chunks(), testMatches, refMatches);
    }
}
