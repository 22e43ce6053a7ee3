package org.unimoj.augment.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.data.Split;
import org.unimoj.api.data.TextRecord;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.graph.ImageGraphs;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.augment.parse.Sentences;
import org.unimoj.augment.retrieve.DetectedObjects;
import org.unimoj.augment.retrieve.ObjectOverlapIndex;
import org.unimoj.augment.retrieve.TextIndex;
import org.unimoj.augment.rewrite.CorpusVocabulary;
import org.unimoj.augment.rewrite.ParsedCorpus;
import org.unimoj.augment.rewrite.Rewriters;
import org.unimoj.data.captions.Flickr8kTokenReader;
import org.unimoj.data.captions.KarpathyJsonReader;
import org.unimoj.data.corpus.TextCorpusReader;
import org.unimoj.data.features.FeatureTsvReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.scene.SceneJsonlReader;
import org.unimoj.data.scene.Vocabulary;

/**
 * The offline augmentation job: for every image-text pair, its positives and hard negatives (each
 * tagged with the rewriter that made it), its related images and related texts, as JSON lines.
 * <ol>
 *   <li>read the captions (Karpathy JSON split, or a Flickr token file) and parse them, on all threads;</li>
 *   <li>build each image's graph (ground truth when the data has it, else the union of its captions),
 *       the rewriters (the TF-IDF index of all captions among them), the BM25 index of the text corpus
 *       and the object-overlap index of the image pool;</li>
 *   <li>augment the pairs in batches on a thread pool and write them in input order, streamed.</li>
 * </ol>
 * Every random choice comes from the seed, the pair's position and the rewriter's position, so the
 * output is the same for the same seed whatever the number of threads. The output file appears only
 * when complete (written under a temporary name, then renamed).
 */
public final class AugmentJob {

    /** The name of the pairs file in the output directory. */
    public static final String PAIRS_FILE = "augment.jsonl";
    public static final String SUMMARY_FILE = "summary.json";

    private static final int BATCH = 128;

    /** What the job tells while it runs. */
    public interface Progress {
        /** A setup stage starts. */
        void stage(String name);

        /** {@code done} of {@code total} pairs are written. */
        void pairs(long done, long total);

        Progress NONE = new Progress() {
            @Override
            public void stage(String name) {
            }

            @Override
            public void pairs(long done, long total) {
            }
        };
    }

    private final AugmentOptions options;
    private final Map<String, RewriterProvider> available;
    private final Progress progress;
    private final CaptionParser parser;
    private final Map<String, Double> seconds = new ConcurrentHashMap<>();
    private final Map<String, String> inputs = new ConcurrentHashMap<>();
    private final List<String> off = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A job with the rewriters on this module's class path. */
    public AugmentJob(AugmentOptions options, Progress progress) {
        this(options, Rewriters.available(AugmentJob.class.getClassLoader()), progress);
    }

    /** A job choosing among {@code available} rewriters (built-ins and plugins, by name). */
    public AugmentJob(AugmentOptions options, Map<String, RewriterProvider> available, Progress progress) {
        this.options = options;
        this.available = new LinkedHashMap<>(available);
        this.progress = progress;
        this.parser = CaptionParser.standard();
    }

    public AugmentSummary run() {
        long t0 = System.nanoTime();
        List<RewriterProvider> selected = Rewriters.select(options.rewriters(), available);
        Path outDir = prepareOut();
        progress.stage("reading captions");
        List<Caption> captions = timed("read captions", this::readCaptions);
        if (captions.isEmpty()) {
            throw new IllegalArgumentException("no captions of split '" + options.split() + "' in " + inputs.get("captions"));
        }
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "augment-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            // The indexes of the corpus and of the image pool, and the ground-truth graphs, are made while the captions are parsed.
            progress.stage("parsing " + captions.size() + " captions; reading the scenes, the text corpus and the region features");
            CompletableFuture<TextIndex> textsLater = CompletableFuture.supplyAsync(() -> timed("text index", this::textIndex), workers);
            CompletableFuture<ImageRetrieval> imagesLater = CompletableFuture.supplyAsync(() -> timed("image index", this::imageRetrieval), workers);
            CompletableFuture<Map<String, SceneGraph>> truthLater = CompletableFuture.supplyAsync(
                    () -> timed("image graphs", () -> groundTruthGraphs(captions)), workers);
            ParsedCorpus parsed = timed("parse", () -> ParsedCorpus.of(inPool(pool, () -> IntStream.range(0, captions.size()).parallel()
                    .mapToObj(i -> parser.parseTokens(Sentences.tokens(captions.get(i).text()))).toList())));
            List<SceneGraph> graphs = parsed.graphs();
            ParsedCorpus.register(captions, parsed);
            CorpusVocabulary.register(captions, CorpusVocabulary.of(graphs, parser.lexicon()));
            Map<String, SceneGraph> truth = join(truthLater);
            Map<String, SceneGraph> imageGraphs = truth != null ? truth : timed("image graphs", () -> captionGraphs(captions, graphs));

            progress.stage("creating rewriters");
            List<Rewriter> rewriters = timed("create rewriters", () -> {
                List<Rewriter> out = new ArrayList<>();
                for (RewriterProvider p : selected) {
                    Map<String, String> settings = options.rewriterSettings().getOrDefault(p.name(), Map.of());
                    out.add(timed("create " + p.name(), () -> p.create(new RewriterContext(parser, captions, settings, options.seed()))));
                }
                return out;
            });
            TextIndex texts = join(textsLater);
            ImageRetrieval images = join(imagesLater);

            progress.stage("augmenting " + captions.size() + " pairs");
            Loop loop = new Loop(captions, graphs, imageGraphs, selected, rewriters, texts, images);
            Path tmp = outDir.resolve(PAIRS_FILE + ".tmp");
            timed("augment", () -> {
                loop.run(workers, tmp);
                return null;
            });
            if (texts != null) {
                texts.close();
            }
            move(tmp, outDir.resolve(PAIRS_FILE));
            seconds.put("total", (System.nanoTime() - t0) / 1e9);
            Map<String, AugmentSummary.RewriterCounts> counts = new LinkedHashMap<>();
            for (int k = 0; k < selected.size(); k++) {
                RewriterProvider p = selected.get(k);
                counts.put(p.name(), new AugmentSummary.RewriterCounts(p.granularity().name().toLowerCase(), p.polarity().name().toLowerCase(),
                        loop.rewrites[k], loop.pairsWith[k]));
            }
            long distinctImages = captions.stream().map(Caption::imageId).distinct().count();
            String graphSource = truth != null ? "ground-truth" : "captions";
            List<String> offSorted = new ArrayList<>(off);
            java.util.Collections.sort(offSorted);
            AugmentSummary summary = new AugmentSummary(captions.size(), distinctImages, options.seed(), graphSource, counts,
                    new AugmentSummary.Counts(loop.relatedImages, loop.pairsWithImages), new AugmentSummary.Counts(loop.relatedTexts, loop.pairsWithTexts),
                    new java.util.TreeMap<>(inputs), offSorted, orderedSeconds(selected), options.threads());
            summary.write(outDir.resolve(SUMMARY_FILE));
            return summary;
        } finally {
            CorpusVocabulary.forget(captions);
            ParsedCorpus.forget(captions);
            workers.shutdownNow();
            pool.shutdownNow();
        }
    }

    /** Runs {@code step} and records its wall time under {@code name}. */
    private <T> T timed(String name, java.util.function.Supplier<T> step) {
        long s = System.nanoTime();
        T t = step.get();
        seconds.put(name, (System.nanoTime() - s) / 1e9);
        return t;
    }

    /** Stage times in the order the job runs them (the setup stages overlap). */
    private Map<String, Double> orderedSeconds(List<RewriterProvider> selected) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(List.of("read captions", "parse", "image graphs", "text index", "image index", "create rewriters"));
        for (RewriterProvider p : selected) {
            order.add("create " + p.name());
        }
        order.addAll(List.of("augment", "total"));
        for (String k : order) {
            Double v = seconds.get(k);
            if (v != null) {
                out.put(k, Math.round(v * 1000) / 1000.0);
            }
        }
        return out;
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static <T> T inPool(ForkJoinPool pool, java.util.concurrent.Callable<T> task) {
        try {
            return pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Path prepareOut() {
        Path out = options.out();
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
            }
            if (Files.isDirectory(out) && !options.force()) {
                try (Stream<Path> s = Files.list(out)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("--out " + out + " is not empty; pass --force to overwrite");
                    }
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The splits the pairs come from: one, or train, val and test for "all". */
    private List<String> splits() {
        return options.split().equals("all") ? List.of("train", "val", "test") : List.of(options.split());
    }

    /** One file per split under {@code in} ({@code pattern} with "%s" for the split), or the given file; empty when one is missing and not required. */
    private List<Path> perSplit(Path given, String pattern, String what, boolean required) {
        if (given != null) {
            return List.of(fromIn(given, null, what, true));
        }
        List<Path> out = new ArrayList<>();
        for (String s : splits()) {
            Path p = fromIn(null, String.format(pattern, s), what, required);
            if (p == null) {
                return List.of();
            }
            out.add(p);
        }
        return out;
    }

    private Path fromIn(Path given, String relative, String what, boolean required) {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new IllegalArgumentException(what + " " + given + ": no such file");
            }
            return given;
        }
        if (options.in() != null) {
            Path p = options.in().resolve(relative);
            if (Files.isRegularFile(p)) {
                return p;
            }
            if (required) {
                throw new IllegalArgumentException(what + ": " + p + " not found (give the file with its option)");
            }
        } else if (required) {
            throw new IllegalArgumentException(what + ": give --in DIR or the file itself");
        }
        return null;
    }

    private List<Caption> readCaptions() {
        Path file = fromIn(options.captions(), "captions/dataset_world.json", "captions", true);
        inputs.put("captions", file.toString());
        List<Caption> out = new ArrayList<>();
        if (file.getFileName().toString().endsWith(".json")) {
            Split split = options.split().equals("all") ? null : Split.parse(options.split());
            try (KarpathyJsonReader r = KarpathyJsonReader.open(file, ReadOptions.failFast())) {
                while (r.hasNext()) {
                    CaptionedImage img = r.next();
                    if (split == null || img.split() == split) {
                        out.addAll(img.captions());
                    }
                }
            }
        } else {
            try (Flickr8kTokenReader r = Flickr8kTokenReader.open(file, ReadOptions.failFast())) {
                r.forEachRemaining(out::add);
            }
        }
        if (options.limit() > 0 && out.size() > options.limit()) {
            out = new ArrayList<>(out.subList(0, options.limit()));
        }
        return out;
    }

    /** The ground-truth graphs of the pairs' images, or null when there are none (or --image-graphs captions). */
    private Map<String, SceneGraph> groundTruthGraphs(List<Caption> captions) {
        Map<String, SceneGraph> out = new HashMap<>();
        List<Path> scenes = options.imageGraphs().equals("captions") ? List.of()
                : perSplit(options.scenes(), "scenes/%s.jsonl", "scenes", options.imageGraphs().equals("ground-truth"));
        if (scenes.isEmpty()) {
            return null;
        }
        inputs.put("scenes", scenes.size() == 1 ? scenes.get(0).toString() : scenes.toString());
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        captions.forEach(c -> wanted.add(c.imageId()));
        for (Path file : scenes) {
            try (SceneJsonlReader r = SceneJsonlReader.open(file, ReadOptions.failFast())) {
                r.forEachRemaining(s -> {
                    if (wanted.contains(s.imageId())) {
                        out.put(s.imageId(), ImageGraphs.fromScene(s));
                    }
                });
            }
        }
        for (String id : wanted) {
            if (!out.containsKey(id)) {
                throw new IllegalArgumentException("scenes " + scenes + ": no scene of image " + id + " (use --image-graphs captions)");
            }
        }
        return out;
    }

    /** Each image's graph as the union of its captions' graphs. */
    private Map<String, SceneGraph> captionGraphs(List<Caption> captions, List<SceneGraph> graphs) {
        Map<String, SceneGraph> out = new HashMap<>();
        Map<String, List<SceneGraph>> byImage = new LinkedHashMap<>();
        for (int i = 0; i < captions.size(); i++) {
            byImage.computeIfAbsent(captions.get(i).imageId(), k -> new ArrayList<>()).add(graphs.get(i));
        }
        byImage.forEach((id, gs) -> out.put(id, ImageGraphs.union(gs, parser.lexicon())));
        return out;
    }

    private TextIndex textIndex() {
        if (options.relatedTexts() == 0) {
            off.add("related texts: --related-texts 0");
            return null;
        }
        Path corpus = fromIn(options.corpus(), "corpus/text.txt", "corpus", false);
        if (corpus == null) {
            off.add("related texts: no text corpus (give --corpus FILE)");
            return null;
        }
        inputs.put("corpus", corpus.toString());
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (TextCorpusReader r = TextCorpusReader.open(corpus, ReadOptions.failFast())) {
            while (r.hasNext()) {
                TextRecord t = r.next();
                ids.add(t.id());
                texts.add(t.text());
            }
        }
        return TextIndex.build(ids, null, texts, TextIndex.Scoring.BM25);
    }

    /** The image pool's index and the detected objects of the pairs' images. */
    private record ImageRetrieval(ObjectOverlapIndex index, Map<String, int[]> pairObjects) {}

    private ImageRetrieval imageRetrieval() {
        if (options.relatedImages() == 0) {
            off.add("related images: --related-images 0");
            return null;
        }
        List<Path> features = perSplit(options.features(), "features/%s.tsv", "features", false);
        List<Path> imagePool = options.imagePool();
        if (imagePool == null) {
            Path p = fromIn(null, "features/image_only.tsv", "image pool", false);
            imagePool = p == null ? List.of() : List.of(p);
        }
        if (features.isEmpty() || imagePool.isEmpty()) {
            off.add("related images: " + (features.isEmpty() ? "no region features of the pairs' images (give --features FILE)"
                    : "no image pool (give --image-pool FILE)"));
            return null;
        }
        inputs.put("features", features.size() == 1 ? features.get(0).toString() : features.toString());
        inputs.put("image pool", imagePool.toString());
        Map<String, int[]> pairObjects = new HashMap<>();
        int classes = -1;
        for (Path f : features) {
            int c = readObjects(f, pairObjects);
            if (classes >= 0 && c != classes) {
                throw new IllegalArgumentException("features " + f + " have " + c + " detector classes, " + features.get(0) + " " + classes);
            }
            classes = c;
        }
        List<String> ids = new ArrayList<>();
        List<int[]> objects = new ArrayList<>();
        for (Path p : imagePool) {
            Map<String, int[]> m = new LinkedHashMap<>();
            int c = readObjects(p, m);
            if (c != classes) {
                throw new IllegalArgumentException("image pool " + p + " has " + c + " detector classes but " + features.get(0) + " has " + classes);
            }
            m.forEach((id, o) -> {
                ids.add(id);
                objects.add(o);
            });
        }
        return new ImageRetrieval(ObjectOverlapIndex.build(ids, objects, classes), pairObjects);
    }

    /** Reads a features file into image id to detected classes; returns the number of detector classes. */
    private int readObjects(Path file, Map<String, int[]> into) {
        int classes = -1;
        BitSet ignored = null;
        try (FeatureTsvReader r = FeatureTsvReader.open(file, ReadOptions.failFast())) {
            while (r.hasNext()) {
                RegionFeatures f = r.next();
                if (classes < 0) {
                    classes = f.numClasses();
                    if (classes == 0) {
                        throw new IllegalArgumentException("features " + file + " have no class distributions (cls_prob), needed for related images");
                    }
                    ignored = contextClasses(classes);
                }
                into.put(f.imageId(), DetectedObjects.of(f, options.minConfidence(), ignored));
            }
        }
        return classes;
    }

    /** With the embedded world's detector (its class list), the context classes (sky, grass, ...) are not objects. */
    private static BitSet contextClasses(int classes) {
        List<String> names = Vocabulary.WORLD.detectorClasses();
        BitSet b = new BitSet(classes);
        if (classes == names.size()) {
            for (String s : Vocabulary.WORLD.stuff()) {
                b.set(names.indexOf(s));
            }
        }
        return b;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** The augmentation loop: batches on the workers, written in order. */
    private final class Loop {
        private final List<Caption> captions;
        private final List<SceneGraph> graphs;
        private final Map<String, SceneGraph> imageGraphs;
        private final List<RewriterProvider> providers;
        private final List<Rewriter> rewriters;
        private final TextIndex texts;
        private final ImageRetrieval images;
        private final Map<String, List<AugmentedPair.RelatedImage>> relatedByImage = new ConcurrentHashMap<>();
        final long[] rewrites;
        final long[] pairsWith;
        long relatedImages;
        long pairsWithImages;
        long relatedTexts;
        long pairsWithTexts;

        Loop(List<Caption> captions, List<SceneGraph> graphs, Map<String, SceneGraph> imageGraphs, List<RewriterProvider> providers,
             List<Rewriter> rewriters, TextIndex texts, ImageRetrieval images) {
            this.captions = captions;
            this.graphs = graphs;
            this.imageGraphs = imageGraphs;
            this.providers = providers;
            this.rewriters = rewriters;
            this.texts = texts;
            this.images = images;
            this.rewrites = new long[rewriters.size()];
            this.pairsWith = new long[rewriters.size()];
        }

        /** One batch's lines and counts. */
        private final class Batch {
            final List<String> lines = new ArrayList<>(BATCH);
            final long[] rewrites = new long[rewriters.size()];
            final long[] pairsWith = new long[rewriters.size()];
            long relatedImages;
            long pairsWithImages;
            long relatedTexts;
            long pairsWithTexts;
        }

        void run(ExecutorService workers, Path file) {
            int n = captions.size();
            ArrayDeque<Future<Batch>> inflight = new ArrayDeque<>();
            int next = 0;
            long done = 0;
            progress.pairs(0, n);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                while (next < n || !inflight.isEmpty()) {
                    while (next < n && inflight.size() < 4 * options.threads() + 2) {
                        int from = next;
                        int to = Math.min(n, next + BATCH);
                        inflight.add(workers.submit(() -> batch(from, to)));
                        next = to;
                    }
                    Batch b = take(inflight.poll());
                    for (String line : b.lines) {
                        w.write(line);
                        w.write('\n');
                    }
                    for (int k = 0; k < rewrites.length; k++) {
                        rewrites[k] += b.rewrites[k];
                        pairsWith[k] += b.pairsWith[k];
                    }
                    relatedImages += b.relatedImages;
                    pairsWithImages += b.pairsWithImages;
                    relatedTexts += b.relatedTexts;
                    pairsWithTexts += b.pairsWithTexts;
                    done += b.lines.size();
                    progress.pairs(done, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            } finally {
                inflight.forEach(f -> f.cancel(true));
            }
        }

        private Batch take(Future<Batch> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        private Batch batch(int from, int to) {
            Batch b = new Batch();
            for (int i = from; i < to; i++) {
                b.lines.add(AugmentedPairJson.line(pair(i, b)));
            }
            return b;
        }

        private AugmentedPair pair(int i, Batch b) {
            Caption c = captions.get(i);
            RewriteRequest request = new RewriteRequest(c, graphs.get(i), imageGraphs.get(c.imageId()));
            List<Rewrite> positives = new ArrayList<>();
            List<Rewrite> negatives = new ArrayList<>();
            for (int k = 0; k < rewriters.size(); k++) {
                List<Rewrite> out;
                try {
                    out = rewriters.get(k).rewrite(request, random(i, k));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("rewriter '" + providers.get(k).name() + "' failed on caption " + c.id() + " (\"" + c.text()
                            + "\"): " + e, e);
                }
                for (Rewrite r : out) {
                    (r.polarity() == Polarity.POSITIVE ? positives : negatives).add(r);
                }
                b.rewrites[k] += out.size();
                b.pairsWith[k] += out.isEmpty() ? 0 : 1;
            }
            List<AugmentedPair.RelatedImage> related = List.of();
            if (images != null) {
                related = relatedByImage.computeIfAbsent(c.imageId(), this::relatedImages);
            }
            List<AugmentedPair.RelatedText> relatedText = new ArrayList<>();
            if (texts != null) {
                for (TextIndex.Hit h : texts.search(c.text(), options.relatedTexts(), null)) {
                    relatedText.add(new AugmentedPair.RelatedText(h.id(), h.text(), h.score()));
                }
            }
            b.relatedImages += related.size();
            b.pairsWithImages += related.isEmpty() ? 0 : 1;
            b.relatedTexts += relatedText.size();
            b.pairsWithTexts += relatedText.isEmpty() ? 0 : 1;
            return new AugmentedPair(c.id(), c.imageId(), c.text(), positives, negatives, related, relatedText);
        }

        private List<AugmentedPair.RelatedImage> relatedImages(String imageId) {
            int[] objects = images.pairObjects().get(imageId);
            if (objects == null) {
                return List.of();
            }
            List<AugmentedPair.RelatedImage> out = new ArrayList<>();
            for (ObjectOverlapIndex.Hit h : images.index().search(objects, options.relatedImages(), options.minOverlap(), imageId)) {
                out.add(new AugmentedPair.RelatedImage(h.imageId(), h.overlap()));
            }
            return List.copyOf(out);
        }

        /**
         * The random source of rewriter {@code k} on pair {@code i}, from the seed, the caption's id and the
         * rewriter's name: the same whatever thread runs it, and the same for a pair in any subset of the data.
         */
        private SplittableRandom random(int i, int k) {
            long id = captions.get(i).id().hashCode();
            long name = providers.get(k).name().hashCode();
            return new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + id * 0xBF58476D1CE4E5B9L + name * 0x94D049BB133111EBL);
        }
    }
}
