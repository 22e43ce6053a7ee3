package org.unimoj.data.world;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.api.data.EntailmentLabel;
import org.unimoj.api.data.LabeledText;
import org.unimoj.api.data.SourceTarget;
import org.unimoj.api.data.Split;
import org.unimoj.api.data.VisualEntailment;
import org.unimoj.data.captions.CocoCaptionsWriter;
import org.unimoj.data.captions.KarpathyJsonWriter;
import org.unimoj.data.features.FeatureTsvWriter;
import org.unimoj.data.io.JsonArrayWriter;
import org.unimoj.data.io.JsonLinesWriter;
import org.unimoj.data.scene.GroundedCaption;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneJson;
import org.unimoj.data.scene.Vocabulary;
import org.unimoj.data.snlive.SnliVeWriter;
import org.unimoj.data.vqa.VqaWriter;
import org.unimoj.data.world.derived.EntailmentBuilder;
import org.unimoj.data.world.derived.ReadingTasks;
import org.unimoj.data.world.derived.TextTasks;
import org.unimoj.data.world.derived.VqaBuilder;
import org.unimoj.data.world.detector.DetectorSimulator;
import org.unimoj.data.world.language.CaptionPlanner;
import org.unimoj.data.world.sampling.Ontology;
import org.unimoj.data.world.sampling.SceneSampler;

/**
 * Generates the embedded world into a directory (layout in {@link WorldLayout}, formats in
 * WORLD.md). Images are generated in parallel, each from its own random stream, and written in
 * id order, so the same {@link WorldSpec} gives byte-identical files whatever the thread count.
 */
public final class WorldGenerator {

    /** What was written. */
    public record Summary(int trainImages, int valImages, int testImages, int imageOnly, long regions, long captions, long questions,
                          long hypotheses, long corpusLines, long featureBytes) {}

    private static final int CHUNK = 32;

    private final WorldSpec spec;
    private final WorldLayout layout;
    private final ProgressListener progress;
    private final SceneSampler sampler = new SceneSampler(Ontology.WORLD);
    private final DetectorSimulator detector;
    private final VqaBuilder vqa = new VqaBuilder();
    private final EntailmentBuilder entailment = new EntailmentBuilder();
    private final TextTasks textTasks = new TextTasks();
    private final ReadingTasks readingTasks = new ReadingTasks();

    public WorldGenerator(WorldSpec spec, Path dir, ProgressListener progress) {
        this.spec = spec;
        this.layout = new WorldLayout(dir);
        this.progress = progress;
        this.detector = new DetectorSimulator(spec.seed(), spec.featureDim(), spec.maxRegions());
    }

    public static String fileName(long id) {
        return String.format("world_%012d.jpg", id);
    }

    /** Everything one image contributes, made on a worker thread. */
    private record ImageResult(byte[] tsvLine, String sceneJson, int regions, List<String> captionGraphs, CaptionedImage karpathy,
                               CocoCaptionsWriter.Image cocoImage, List<VqaWriter.Entry> questions, List<Hypothesis> hypotheses) {}

    private record Hypothesis(VisualEntailment example, String captionId, String graphJson) {}

    public Summary generate() {
        try {
            for (String d : List.of("features", "scenes", "captions", "splits", "corpus", "vqa", "snli_ve", "glue/plausibility", "summarization", "squad_qg", "coqa")) {
                Files.createDirectories(layout.root().resolve(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + layout.root(), e);
        }
        // Ids 1..images are captioned, split by a seeded shuffle; the image-only collection follows.
        long[] ids = new long[spec.images()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i + 1;
        }
        SplittableRandom split = Seeds.rng(spec.seed(), "split", 0);
        for (int i = ids.length - 1; i > 0; i--) {
            int j = split.nextInt(i + 1);
            long t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        long[] test = sorted(Arrays.copyOfRange(ids, 0, spec.testImages()));
        long[] val = sorted(Arrays.copyOfRange(ids, spec.testImages(), spec.testImages() + spec.valImages()));
        long[] train = sorted(Arrays.copyOfRange(ids, spec.testImages() + spec.valImages(), ids.length));
        long[] imageOnly = new long[spec.imageOnly()];
        for (int i = 0; i < imageOnly.length; i++) {
            imageOnly[i] = spec.images() + 1L + i;
        }
        long regions = 0, captions = 0, questions = 0, hypotheses = 0, featureBytes = 0;
        ExecutorService pool = Executors.newFixedThreadPool(spec.threads(), r -> {
            Thread t = new Thread(r, "world-generator");
            t.setDaemon(true);
            return t;
        });
        try (KarpathyJsonWriter karpathy = new KarpathyJsonWriter(layout.karpathy(), "world")) {
            for (Split s : List.of(Split.TRAIN, Split.VAL, Split.TEST)) {
                long[] splitIds = s == Split.TRAIN ? train : s == Split.VAL ? val : test;
                long[] counts = writeImages(pool, s.fileName(), splitIds, true, karpathy);
                regions += counts[0];
                captions += counts[1];
                questions += counts[2];
                hypotheses += counts[3];
                featureBytes += counts[4];
            }
            long[] counts = writeImages(pool, WorldLayout.IMAGE_ONLY, imageOnly, false, null);
            regions += counts[0];
            featureBytes += counts[4];
            long corpus = writeCorpus(pool);
            writeTextTasks(pool);
            writeReadingTasks(pool);
            writeVocabulary();
            Summary summary = new Summary(train.length, val.length, test.length, imageOnly.length, regions, captions, questions, hypotheses, corpus,
                    featureBytes);
            writeManifest(summary);
            return summary;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] sorted(long[] a) {
        Arrays.sort(a);
        return a;
    }

    /** Runs {@code work} for items 0..n-1 in chunks on the pool and hands results to {@code sink} in order. */
    private <T> void ordered(ExecutorService pool, String stage, int n, IntFunction<T> work, java.util.function.Consumer<T> sink) {
        Deque<Future<List<T>>> inFlight = new ArrayDeque<>();
        int next = 0, done = 0;
        int window = 4 * spec.threads();
        while (done < n) {
            while (next < n && inFlight.size() < window) {
                int from = next, to = Math.min(n, next + CHUNK);
                inFlight.add(pool.submit(() -> {
                    List<T> out = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        out.add(work.apply(i));
                    }
                    return out;
                }));
                next = to;
            }
            List<T> results;
            try {
                results = inFlight.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            }
            for (T t : results) {
                sink.accept(t);
            }
            done += results.size();
            progress.progress(stage, done, n);
        }
    }

    private ImageResult image(String split, long id, boolean captioned) {
        String imageId = String.valueOf(id);
        ImageScene scene = sampler.sample(Seeds.rng(spec.seed(), "scene", id), imageId, split, fileName(id));
        DetectorSimulator.Detection det = detector.detect(scene, Seeds.rng(spec.seed(), "detector", id), DetectorSimulator.contextOf(scene.setting()));
        scene = det.scene();
        ImageScene finalScene = scene;
        String sceneJson = JsonLinesWriter.line(g -> SceneJson.write(g, finalScene, Vocabulary.WORLD));
        byte[] tsv = FeatureTsvWriter.encode(det.features());
        if (!captioned) {
            return new ImageResult(tsv, sceneJson, det.features().numBoxes(), List.of(), null, null, List.of(), List.of());
        }
        List<CaptionPlanner.Sentence> sentences = new CaptionPlanner(scene, Seeds.rng(spec.seed(), "captions", id)).captions(spec.captionsPerImage());
        List<Caption> caps = new ArrayList<>();
        List<List<String>> tokens = new ArrayList<>();
        List<String> graphs = new ArrayList<>();
        for (int k = 0; k < sentences.size(); k++) {
            CaptionPlanner.Sentence s = sentences.get(k);
            String captionId = String.valueOf(id * 10 + k);
            caps.add(new Caption(captionId, imageId, s.raw()));
            tokens.add(s.tokens());
            GroundedCaption gc = new GroundedCaption(captionId, imageId, split, s.raw(), s.graph(), s.construction());
            graphs.add(JsonLinesWriter.line(g -> SceneJson.write(g, gc, Vocabulary.WORLD)));
        }
        CaptionedImage ci = new CaptionedImage(imageId, fileName(id), Split.parse(split), caps, tokens);
        CocoCaptionsWriter.Image coco = new CocoCaptionsWriter.Image(id, fileName(id), scene.width(), scene.height());
        List<VqaWriter.Entry> qs = vqa.questions(scene, Seeds.rng(spec.seed(), "vqa", id), spec.questionsPerImage(), id * 1000);
        List<Hypothesis> hyps = new ArrayList<>();
        SplittableRandom hr = Seeds.rng(spec.seed(), "snli-ve", id);
        CaptionPlanner hypothesisPlanner = new CaptionPlanner(scene, hr);
        for (int j = 0; j < spec.premisesPerImage(); j++) {
            List<EntailmentLabel> labels = new ArrayList<>(List.of(EntailmentLabel.values()));
            for (int i = labels.size() - 1; i > 0; i--) {
                int x = hr.nextInt(i + 1);
                EntailmentLabel t = labels.get(i);
                labels.set(i, labels.get(x));
                labels.set(x, t);
            }
            for (int k = 0; k < labels.size(); k++) {
                EntailmentLabel label = labels.get(k);
                EntailmentBuilder.Hypothesis h = entailment.build(hypothesisPlanner, label, hr);
                String pairId = fileName(id) + "#" + j + "r" + (k + 1) + label.fileName().charAt(0);
                VisualEntailment ve = new VisualEntailment(pairId, imageId, caps.get(j).text(), h.sentence().raw(), label);
                GroundedCaption gc = new GroundedCaption(pairId, imageId, split, h.sentence().raw(), h.sentence().graph(), h.rule());
                hyps.add(new Hypothesis(ve, fileName(id) + "#" + j, JsonLinesWriter.line(g -> SceneJson.write(g, gc, Vocabulary.WORLD))));
            }
        }
        return new ImageResult(tsv, sceneJson, det.features().numBoxes(), graphs, ci, coco, qs, hyps);
    }

    /** Writes one split's images; returns {regions, captions, questions, hypotheses, feature bytes}. */
    private long[] writeImages(ExecutorService pool, String split, long[] ids, boolean captioned, KarpathyJsonWriter karpathy) {
        long[] counts = new long[5];
        List<Caption> cocoCaptions = new ArrayList<>();
        List<CocoCaptionsWriter.Image> cocoImages = new ArrayList<>();
        List<VqaWriter.Entry> questions = new ArrayList<>();
        List<Hypothesis> hypotheses = new ArrayList<>();
        try (FeatureTsvWriter features = FeatureTsvWriter.create(layout.features(split));
             JsonLinesWriter scenes = new JsonLinesWriter(layout.scenes(split));
             JsonLinesWriter graphs = captioned ? new JsonLinesWriter(layout.captionGraphs(split)) : null;
             Writer idList = Files.newBufferedWriter(layout.splitIds(split), StandardCharsets.UTF_8)) {
            ordered(pool, split.equals(WorldLayout.IMAGE_ONLY) ? "image-only images" : split + " images", ids.length,
                    i -> image(split, ids[i], captioned), res -> {
                features.writeLine(res.tsvLine());
                scenes.writeLine(res.sceneJson());
                counts[0] += res.regions();
                try {
                    idList.write(res.karpathy() != null ? res.karpathy().imageId() : firstField(res.tsvLine()));
                    idList.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (captioned) {
                    res.captionGraphs().forEach(graphs::writeLine);
                    karpathy.add(res.karpathy());
                    cocoImages.add(res.cocoImage());
                    cocoCaptions.addAll(res.karpathy().captions());
                    questions.addAll(res.questions());
                    hypotheses.addAll(res.hypotheses());
                    counts[1] += res.karpathy().captions().size();
                }
            });
            counts[4] = features.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + split, e);
        }
        if (captioned) {
            CocoCaptionsWriter.write(layout.cocoCaptions(split), "UNIMO-J embedded world, " + split, cocoImages, cocoCaptions);
            VqaWriter.write(layout.vqaQuestions(split), layout.vqaAnnotations(split), "world_" + split, questions);
            try (SnliVeWriter ve = new SnliVeWriter(layout.snliVe(split)); JsonLinesWriter hg = new JsonLinesWriter(layout.hypothesisGraphs(split))) {
                for (Hypothesis h : hypotheses) {
                    ve.write(h.example(), h.captionId());
                    hg.writeLine(h.graphJson());
                }
            }
            counts[2] = questions.size();
            counts[3] = hypotheses.size();
        }
        return counts;
    }

    private static String firstField(byte[] line) {
        int tab = 0;
        while (line[tab] != '\t') {
            tab++;
        }
        return new String(line, 0, tab, StandardCharsets.UTF_8);
    }

    /** Unseen scenes for the text-only data are numbered after every image, per purpose. */
    private ImageScene unseen(String purpose, long index) {
        return sampler.sample(Seeds.rng(spec.seed(), "unseen/" + purpose, index), "unseen-" + index, "none", "none");
    }

    private long writeCorpus(ExecutorService pool) {
        int target = spec.corpusSentences();
        long[] written = {0};
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(layout.corpus(), StandardCharsets.UTF_8), 1 << 16)) {
            // Each unseen scene gives one to three sentences (1.7 on average); take batches until the target is met.
            long start = 0;
            while (written[0] < target) {
                long base = start;
                int batch = (int) Math.max(16, (target - written[0]) * 2 / 3 + 16);
                ordered(pool, "corpus scenes", batch, i -> textTasks.corpusSentences(unseen("corpus", base + i), Seeds.rng(spec.seed(), "corpus", base + i)),
                        lines -> {
                            for (String l : lines) {
                                if (written[0] < target) {
                                    try {
                                        out.write(l);
                                        out.write('\n');
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                    written[0]++;
                                }
                            }
                        });
                start += batch;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.corpus(), e);
        }
        return written[0];
    }

    private void writeTextTasks(ExecutorService pool) {
        String[] parts = {"train", "dev", "test"};
        long offset = 0;
        for (int p = 0; p < 3; p++) {
            long base = offset;
            int n = spec.classification()[p];
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(layout.plausibility(parts[p]), StandardCharsets.UTF_8))) {
                out.write("sentence\tlabel\n");
                ordered(pool, "plausibility " + parts[p], n, i -> textTasks.plausibility(String.valueOf(base + i),
                        unseen("plausibility", base + i), Seeds.rng(spec.seed(), "plausibility", base + i)), (LabeledText t) -> {
                    try {
                        out.write(t.text() + "\t" + t.label() + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + layout.plausibility(parts[p]), e);
            }
            offset += n;
        }
        offset = 0;
        for (int p = 0; p < 3; p++) {
            long base = offset;
            int n = spec.summarization()[p];
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(layout.summarization(parts[p]), StandardCharsets.UTF_8))) {
                out.write("src\ttgt\n");
                ordered(pool, "summarization " + parts[p], n, i -> textTasks.summary(String.valueOf(base + i), unseen("summarization", base + i),
                        Seeds.rng(spec.seed(), "summarization", base + i)), (SourceTarget t) -> {
                    try {
                        out.write(t.source() + "\t" + t.target() + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + layout.summarization(parts[p]), e);
            }
            offset += n;
        }
    }

    /** How many question-generation paragraphs and CoQA stories each part gets: half and a quarter of the summarization examples. */
    static int[] readingSizes(int[] summarization, int divisor) {
        int[] out = new int[3];
        for (int p = 0; p < 3; p++) {
            out[p] = Math.max(1, (summarization[p] + divisor - 1) / divisor);
        }
        return out;
    }

    private record QgParagraph(long index, String context, List<ReadingTasks.Question> questions) {}

    private record Dialogue(long index, String story, List<ReadingTasks.Turn> turns) {}

    /** Question generation (SQuAD v1.1 JSON) and CoQA dialogues (official JSON), each from unseen scenes of its own. */
    private void writeReadingTasks(ExecutorService pool) {
        String[] parts = {"train", "dev", "test"};
        int[] qg = readingSizes(spec.summarization(), 2);
        long offset = 0;
        for (int p = 0; p < 3; p++) {
            long base = offset;
            try (JsonArrayWriter json = new JsonArrayWriter(layout.questionGeneration(parts[p]))) {
                JsonGenerator g = json.generator();
                g.writeStringField("version", "1.1");
                g.writeFieldName("data");
                g.writeStartArray();
                ordered(pool, "question generation " + parts[p], qg[p], i -> {
                    ImageScene scene = unseen("qg", base + i);
                    java.util.SplittableRandom r = Seeds.rng(spec.seed(), "qg", base + i);
                    ReadingTasks.Story story = readingTasks.story(scene, r);
                    return new QgParagraph(base + i, story.text(), readingTasks.questions(scene, story, r, 1 + r.nextInt(3)));
                }, (QgParagraph x) -> writeSquadArticle(g, x));
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + layout.questionGeneration(parts[p]), e);
            }
            offset += qg[p];
        }
        int[] coqa = readingSizes(spec.summarization(), 4);
        offset = 0;
        for (int p = 0; p < 3; p++) {
            long base = offset;
            boolean additional = p > 0;
            try (JsonArrayWriter json = new JsonArrayWriter(layout.coqa(parts[p]))) {
                JsonGenerator g = json.generator();
                g.writeStringField("version", "1.0");
                g.writeFieldName("data");
                g.writeStartArray();
                ordered(pool, "coqa " + parts[p], coqa[p], i -> {
                    ImageScene scene = unseen("coqa", base + i);
                    java.util.SplittableRandom r = Seeds.rng(spec.seed(), "coqa", base + i);
                    ReadingTasks.Story story = readingTasks.story(scene, r);
                    return new Dialogue(base + i, story.text(), readingTasks.dialogue(scene, story, r));
                }, (Dialogue d) -> writeCoqaStory(g, d, additional));
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + layout.coqa(parts[p]), e);
            }
            offset += coqa[p];
        }
    }

    private static void writeSquadArticle(JsonGenerator g, QgParagraph x) {
        try {
            g.writeStartObject();
            g.writeStringField("title", "unseen-" + x.index());
            g.writeFieldName("paragraphs");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("context", x.context());
            g.writeFieldName("qas");
            g.writeStartArray();
            for (int k = 0; k < x.questions().size(); k++) {
                ReadingTasks.Question q = x.questions().get(k);
                g.writeStartObject();
                g.writeFieldName("answers");
                g.writeStartArray();
                g.writeStartObject();
                g.writeNumberField("answer_start", q.answerStart());
                g.writeStringField("text", q.answer());
                g.writeEndObject();
                g.writeEndArray();
                g.writeStringField("question", q.question());
                g.writeStringField("id", "world-qg-" + x.index() + "-" + k);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCoqaStory(JsonGenerator g, Dialogue d, boolean additional) {
        try {
            g.writeStartObject();
            g.writeStringField("source", "world");
            g.writeStringField("id", "world-coqa-" + d.index());
            g.writeStringField("filename", "unseen-" + d.index());
            g.writeStringField("story", d.story());
            g.writeFieldName("questions");
            g.writeStartArray();
            for (int t = 0; t < d.turns().size(); t++) {
                g.writeStartObject();
                g.writeStringField("input_text", d.turns().get(t).question());
                g.writeNumberField("turn_id", t + 1);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("answers");
            answers(g, d, -1);
            if (additional) {
                g.writeFieldName("additional_answers");
                g.writeStartObject();
                for (int k = 0; k < 3; k++) {
                    g.writeFieldName(String.valueOf(k));
                    answers(g, d, k);
                }
                g.writeEndObject();
            }
            g.writeStringField("name", "unseen-" + d.index());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answers of a dialogue: the main ones ({@code alternative} -1) or alternative set {@code alternative}. */
    private static void answers(JsonGenerator g, Dialogue d, int alternative) throws IOException {
        g.writeStartArray();
        for (int t = 0; t < d.turns().size(); t++) {
            ReadingTasks.Turn turn = d.turns().get(t);
            g.writeStartObject();
            g.writeNumberField("span_start", turn.rationale().start());
            g.writeNumberField("span_end", turn.rationale().end());
            g.writeStringField("span_text", d.story().substring(turn.rationale().start(), turn.rationale().end()));
            g.writeStringField("input_text", alternative < 0 ? turn.answer() : turn.alternatives().get(alternative));
            g.writeNumberField("turn_id", t + 1);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeVocabulary() {
        Vocabulary v = Vocabulary.WORLD;
        try (JsonArrayWriter json = new JsonArrayWriter(layout.vocabulary())) {
            JsonGenerator g = json.generator();
            g.writeFieldName("classes");
            g.writeStartArray();
            for (Vocabulary.ObjectClass c : v.classes()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("plural", c.plural());
                g.writeStringField("supercategory", c.supercategory());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("nouns");
            g.writeStartArray();
            for (Vocabulary.Noun n : v.nouns()) {
                g.writeStartObject();
                g.writeStringField("lemma", n.lemma());
                g.writeStringField("plural", n.plural());
                g.writeStringField("kind", n.kind());
                g.writeFieldName("classes");
                g.writeStartArray();
                for (String c : n.classes()) {
                    g.writeString(c);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("adjectives");
            g.writeStartArray();
            for (Vocabulary.Adjective a : v.adjectives()) {
                g.writeStartObject();
                g.writeStringField("word", a.word());
                g.writeStringField("family", a.family());
                g.writeStringField("value", a.value());
                g.writeBooleanField("visual", a.visual());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("predicates");
            g.writeStartArray();
            for (Vocabulary.Predicate p : v.predicates()) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeBooleanField("spatial", p.spatial());
                g.writeBooleanField("visual", p.visual());
                g.writeFieldName("wordings");
                g.writeStartArray();
                for (Vocabulary.Wording w : p.wordings()) {
                    g.writeStartObject();
                    words(g, "participle", w.participle());
                    g.writeBooleanField("progressive", w.progressive());
                    words(g, "present_singular", w.present3());
                    words(g, "present_plural", w.presentPl());
                    words(g, "passive", w.passive());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "detector_classes", v.detectorClasses());
            strings(g, "prefixes", Vocabulary.PREFIXES);
            strings(g, "numbers", List.copyOf(Vocabulary.NUMBERS.keySet()));
            strings(g, "plural_quantifiers", Vocabulary.PLURAL_QUANTIFIERS);
            strings(g, "relative_pronouns", List.of("who", "that", "which"));
            strings(g, "auxiliaries", List.of("is", "are", "being"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.vocabulary(), e);
        }
    }

    private static void words(JsonGenerator g, String name, List<String> words) throws IOException {
        g.writeStringField(name, String.join(" ", words));
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void parts(JsonGenerator g, String name, int[] sizes) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
        g.writeNumberField("train", sizes[0]);
        g.writeNumberField("dev", sizes[1]);
        g.writeNumberField("test", sizes[2]);
        g.writeEndObject();
    }

    private void writeManifest(Summary s) {
        try (JsonArrayWriter json = new JsonArrayWriter(layout.manifest())) {
            JsonGenerator g = json.generator();
            g.writeStringField("format", "unimo-j-world");
            g.writeNumberField("format_version", 1);
            g.writeNumberField("seed", spec.seed());
            g.writeFieldName("images");
            g.writeStartObject();
            g.writeNumberField("train", s.trainImages());
            g.writeNumberField("val", s.valImages());
            g.writeNumberField("test", s.testImages());
            g.writeNumberField("image_only", s.imageOnly());
            g.writeEndObject();
            g.writeNumberField("feature_dim", spec.featureDim());
            g.writeNumberField("max_regions", spec.maxRegions());
            g.writeNumberField("detector_classes", Vocabulary.WORLD.detectorClasses().size());
            g.writeNumberField("regions", s.regions());
            g.writeNumberField("captions_per_image", spec.captionsPerImage());
            g.writeNumberField("captions", s.captions());
            g.writeNumberField("vqa_questions", s.questions());
            g.writeNumberField("snli_ve_pairs", s.hypotheses());
            g.writeNumberField("corpus_sentences", s.corpusLines());
            parts(g, "plausibility", spec.classification());
            parts(g, "summarization", spec.summarization());
            parts(g, "question_generation_paragraphs", readingSizes(spec.summarization(), 2));
            parts(g, "coqa_stories", readingSizes(spec.summarization(), 4));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.manifest(), e);
        }
    }
}
