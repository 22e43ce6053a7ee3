package org.unimoj.runtime.pretrain.augment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.ReadPolicy;
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
import org.unimoj.augment.retrieve.DetectedObjects;
import org.unimoj.augment.retrieve.ObjectOverlapIndex;
import org.unimoj.augment.retrieve.TextIndex;
import org.unimoj.augment.rewrite.CorpusVocabulary;
import org.unimoj.augment.rewrite.ParsedCorpus;
import org.unimoj.augment.rewrite.Rewriters;
import org.unimoj.data.captions.KarpathyJsonReader;
import org.unimoj.data.corpus.TextCorpusReader;
import org.unimoj.data.features.FeatureChecks;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.data.features.FeatureTsvReader;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.scene.SceneJsonlReader;
import org.unimoj.data.scene.Vocabulary;
import org.unimoj.data.world.WorldLayout;
import org.unimoj.runtime.cli.UsageError;
import org.unimoj.runtime.pretrain.PretrainContext;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.pretrain.PretrainSettings;
import org.unimoj.runtime.pretrain.data.PairRecord;
import org.unimoj.runtime.train.SlotTransform;

/**
 * Pairs augmented while the run reads them: the augmenter actors call the rewriters (unimo-augment's
 * {@code RewriterProvider}s named in {@code unimo.pretrain.augment.rewriters}) on each pair, and
 * retrieve its related images (object overlap with the image pool) and related corpus sentences
 * (BM25). What the rewriters share is made once when the run starts: the parses of the pairs'
 * captions, the image graphs (the world's ground-truth scenes when there are, else the union of an
 * image's caption graphs), the rewriters and the two indexes. Each rewriter draws from a generator
 * split off the pair's slot generator, so a resumed run rewrites as an unbroken one did.
 */
public final class OnTheFlyPairs implements PairAugmentation, AutoCloseable {

    /** Class probability from which a region counts as a detected object (as the offline job's default). */
    static final double MIN_CONFIDENCE = 0.2;

    private final List<Caption> captions;
    private final Map<String, Integer> byId = new HashMap<>();
    private final ParsedCorpus parsed;
    private final Map<String, SceneGraph> imageGraphs;
    private final List<RewriterProvider> providers;
    private final List<Rewriter> rewriters = new ArrayList<>();
    private final TextIndex texts;
    private final ObjectOverlapIndex images;
    private final BitSet contextClasses;
    private final FeatureStore imagePool;
    private final CmclMaterial material;
    private final int relatedImages;
    private final int relatedTexts;
    private boolean groundTruth;

    public OnTheFlyPairs(PretrainContext c) {
        long t0 = System.nanoTime();
        PretrainSettings s = c.settings();
        PretrainSettings.Augment a = s.augment();
        this.relatedImages = a.relatedImages();
        this.relatedTexts = a.relatedTexts();
        this.providers = select(a.rewriters());
        // bad records here are the streams' to quarantine; the setup lists what it skipped beside them
        Quarantine setupQuarantine = Quarantine.toFile(s.runDir().resolve("augment-setup-quarantine.jsonl"));
        ReadOptions options = s.readPolicy() == ReadPolicy.SKIP ? ReadOptions.skipTo(setupQuarantine) : ReadOptions.failFast();
        try (setupQuarantine) {
            this.captions = readCaptions(c.files().captions(), Split.parse(c.files().pairsSplit()), options);
            for (int i = 0; i < captions.size(); i++) {
                byId.put(captions.get(i).id(), i);
            }
            CaptionParser parser = CaptionParser.standard();
            this.parsed = ParsedCorpus.parse(captions, parser);
            ParsedCorpus.register(captions, parsed);
            CorpusVocabulary.register(captions, CorpusVocabulary.of(parsed.graphs(), parser.lexicon()));
            this.imageGraphs = imageGraphs(new WorldLayout(s.dataDir()).scenes(c.files().pairsSplit()), parser, options);
            for (RewriterProvider p : providers) {
                rewriters.add(p.create(new RewriterContext(parser, captions, a.rewriterSettings().getOrDefault(p.name(), Map.of()), s.seed())));
            }
            this.texts = relatedTexts == 0 ? null : textIndex(c.files().corpus(), options);
            this.imagePool = FeatureStore.open(c.files().images(), ReadOptions.failFast(), FeatureChecks.defaults());
            this.contextClasses = new BitSet();
            this.images = relatedImages == 0 ? null : imageIndex(c.files().images(), options);
        }
        this.material = new CmclMaterial(s.batch(), imagePool);
        c.log().printf(Locale.ROOT, "pretrain: on-the-fly augmentation of %d captions ready in %.1f s (%d rewriters, image graphs from %s)%n",
                captions.size(), (System.nanoTime() - t0) / 1e9, rewriters.size(), groundTruth ? "the ground-truth scenes" : "the captions");
        c.log().flush();
    }

    private static List<RewriterProvider> select(List<String> names) {
        try {
            return Rewriters.select(names, Rewriters.available(OnTheFlyPairs.class.getClassLoader()));
        } catch (IllegalArgumentException e) {
            throw new UsageError("unimo.pretrain.augment.rewriters: " + e.getMessage());
        }
    }

    private static List<Caption> readCaptions(Path file, Split split, ReadOptions options) {
        List<Caption> out = new ArrayList<>();
        try (KarpathyJsonReader r = KarpathyJsonReader.open(file, options)) {
            r.forEachRemaining(img -> {
                if (img.split() == split) {
                    out.addAll(img.captions());
                }
            });
        }
        return out;
    }

    /** Ground truth when the world has scenes of every image, else the union of each image's caption graphs. */
    private Map<String, SceneGraph> imageGraphs(Path scenes, CaptionParser parser, ReadOptions options) {
        Map<String, SceneGraph> out = new HashMap<>();
        if (Files.isRegularFile(scenes)) {
            try (SceneJsonlReader r = SceneJsonlReader.open(scenes, options)) {
                r.forEachRemaining(x -> out.put(x.imageId(), ImageGraphs.fromScene(x)));
            }
            if (captions.stream().allMatch(k -> out.containsKey(k.imageId()))) {
                groundTruth = true;
                return out;
            }
            out.clear();
        }
        Map<String, List<SceneGraph>> byImage = new HashMap<>();
        for (int i = 0; i < captions.size(); i++) {
            byImage.computeIfAbsent(captions.get(i).imageId(), k -> new ArrayList<>()).add(parsed.graph(i));
        }
        byImage.forEach((id, gs) -> out.put(id, ImageGraphs.union(gs, parser.lexicon())));
        return out;
    }

    private static TextIndex textIndex(Path corpus, ReadOptions options) {
        List<String> ids = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (TextCorpusReader r = TextCorpusReader.open(corpus, options)) {
            r.forEachRemaining((TextRecord t) -> {
                ids.add(t.id());
                lines.add(t.text());
            });
        }
        return TextIndex.build(ids, null, lines, TextIndex.Scoring.BM25);
    }

    private ObjectOverlapIndex imageIndex(Path pool, ReadOptions options) {
        List<String> ids = new ArrayList<>();
        List<int[]> objects = new ArrayList<>();
        int classes = 0;
        try (FeatureTsvReader r = FeatureTsvReader.open(pool, options)) {
            while (r.hasNext()) {
                RegionFeatures f = r.next();
                if (classes == 0) {
                    classes = f.numClasses();
                    if (classes == 0) {
                        throw new UsageError("image pool " + pool + ": no class distributions (cls_prob), needed for related images "
                                + "(set unimo.pretrain.augment.related-images = 0)");
                    }
                    // with the world's detector, context classes (sky, grass, ...) are not objects (as in the offline job)
                    List<String> names = Vocabulary.WORLD.detectorClasses();
                    if (classes == names.size()) {
                        Vocabulary.WORLD.stuff().forEach(x -> contextClasses.set(names.indexOf(x)));
                    }
                }
                ids.add(f.imageId());
                objects.add(DetectedObjects.of(f, MIN_CONFIDENCE, contextClasses));
            }
        }
        return ObjectOverlapIndex.build(ids, objects, classes);
    }

    @Override
    public String describe() {
        return "on the fly: " + String.join(", ", providers.stream().map(RewriterProvider::name).toList()) + "; " + relatedImages
                + " related images, " + relatedTexts + " related texts retrieved";
    }

    @Override
    public SlotTransform<PairRecord, PretrainExample> newTransform(Encoders encoders) {
        return new SlotTransform<>() {
            @Override
            public PretrainExample apply(PairRecord r, long slot, SplittableRandom random) {
                Caption caption = r.caption();
                Integer i = byId.get(caption.id());
                if (i == null) {
                    throw new IllegalArgumentException("caption " + caption.id() + " was not among the captions parsed when the run started");
                }
                RewriteRequest request = new RewriteRequest(caption, parsed.graph(i), imageGraphs.get(caption.imageId()));
                List<String> positives = new ArrayList<>();
                List<String> negatives = new ArrayList<>();
                for (int k = 0; k < rewriters.size(); k++) {
                    List<Rewrite> out;
                    SplittableRandom own = random.split();
                    try {
                        out = rewriters.get(k).rewrite(request, own);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("rewriter '" + providers.get(k).name() + "' failed: " + e, e);
                    }
                    for (Rewrite w : out) {
                        (w.polarity() == Polarity.POSITIVE ? positives : negatives).add(w.text());
                    }
                }
                List<String> related = List.of();
                if (images != null) {
                    related = images.search(DetectedObjects.of(r.image(), MIN_CONFIDENCE, contextClasses), relatedImages,
                            ObjectOverlapIndex.DEFAULT_MIN_OVERLAP, caption.imageId()).stream().map(ObjectOverlapIndex.Hit::imageId).toList();
                }
                List<String> sentences = texts == null ? List.of()
                        : texts.search(caption.text(), relatedTexts, null).stream().map(TextIndex.Hit::text).toList();
                return material.pair(r, encoders, positives, negatives, related, sentences, random);
            }

            @Override
            public String describe(PairRecord r) {
                return Describe.pair(r);
            }
        };
    }

    @Override
    public void close() {
        ParsedCorpus.forget(captions);
        CorpusVocabulary.forget(captions);
        if (texts != null) {
            texts.close();
        }
        imagePool.close();
    }
}
