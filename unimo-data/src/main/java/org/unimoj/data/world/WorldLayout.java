package org.unimoj.data.world;

import java.nio.file.Path;

/**
 * Where each file of a generated world lives under its directory (see WORLD.md for the formats).
 * {@code split} is "train", "val" or "test"; {@code featureSet} also "image_only".
 */
public final class WorldLayout {

    public static final String IMAGE_ONLY = "image_only";

    private final Path root;

    public WorldLayout(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** {@code world.json}: the manifest (seed, options, counts, files). */
    public Path manifest() {
        return root.resolve("world.json");
    }

    /** {@code vocabulary.json}: classes, nouns, adjectives, predicates and their wordings, detector classes. */
    public Path vocabulary() {
        return root.resolve("vocabulary.json");
    }

    /** {@code splits/<split>.txt}: image ids, one a line. */
    public Path splitIds(String featureSet) {
        return root.resolve("splits").resolve(featureSet + ".txt");
    }

    /** {@code features/<set>.tsv}: bottom-up-attention TSV with a cls_prob column. */
    public Path features(String featureSet) {
        return root.resolve("features").resolve(featureSet + ".tsv");
    }

    /** {@code scenes/<set>.jsonl}: the full scene graph of every image. */
    public Path scenes(String featureSet) {
        return root.resolve("scenes").resolve(featureSet + ".jsonl");
    }

    /** {@code scenes/captions_<split>.jsonl}: each caption's tokens and ground-truth graph. */
    public Path captionGraphs(String split) {
        return root.resolve("scenes").resolve("captions_" + split + ".jsonl");
    }

    /** {@code captions/dataset_world.json}: Karpathy-style captions of all three splits. */
    public Path karpathy() {
        return root.resolve("captions").resolve("dataset_world.json");
    }

    /** {@code captions/captions_<split>.json}: COCO captions. */
    public Path cocoCaptions(String split) {
        return root.resolve("captions").resolve("captions_" + split + ".json");
    }

    /** {@code corpus/text.txt}: the text-only corpus, one sentence a line. */
    public Path corpus() {
        return root.resolve("corpus").resolve("text.txt");
    }

    public Path vqaQuestions(String split) {
        return root.resolve("vqa").resolve("v2_OpenEnded_world_" + split + "_questions.json");
    }

    public Path vqaAnnotations(String split) {
        return root.resolve("vqa").resolve("v2_world_" + split + "_annotations.json");
    }

    /** SNLI-VE names its validation split "dev". */
    public static String snliSplit(String split) {
        return split.equals("val") ? "dev" : split;
    }

    public Path snliVe(String split) {
        return root.resolve("snli_ve").resolve("snli_ve_" + snliSplit(split) + ".jsonl");
    }

    /** {@code snli_ve/hypothesis_graphs_<split>.jsonl}: each hypothesis' ground-truth graph, by pairID. */
    public Path hypothesisGraphs(String split) {
        return root.resolve("snli_ve").resolve("hypothesis_graphs_" + snliSplit(split) + ".jsonl");
    }

    /** {@code glue/plausibility/<train|dev|test>.tsv}: SST-2 layout, header {@code sentence\tlabel}. */
    public Path plausibility(String part) {
        return root.resolve("glue").resolve("plausibility").resolve(part + ".tsv");
    }

    /** {@code summarization/<train|dev|test>.tsv}: header {@code src\ttgt}. */
    public Path summarization(String part) {
        return root.resolve("summarization").resolve(part + ".tsv");
    }

    /** {@code squad_qg/<train|dev|test>.json}: question generation in SQuAD v1.1 JSON. */
    public Path questionGeneration(String part) {
        return root.resolve("squad_qg").resolve(part + ".json");
    }

    /** {@code coqa/coqa-<train|dev|test>-v1.0.json}: CoQA dialogues in the official JSON. */
    public Path coqa(String part) {
        return root.resolve("coqa").resolve("coqa-" + part + "-v1.0.json");
    }
}
