package org.unimoj.data.world;

/**
 * What to generate. {@link #defaults} derives every count from the seed and the number of
 * captioned images; the setters return changed copies.
 *
 * @param seed               the world's seed: same seed, same bytes
 * @param images             captioned images (train + val + test)
 * @param valImages          of which validation
 * @param testImages         of which test (1,000 by default: the retrieval test set, 1,000 images x 5 captions)
 * @param imageOnly          images of the image-only collection (no captions)
 * @param featureDim         region feature dimension (2048 like bottom-up-attention; 64-256 for quick runs)
 * @param maxRegions         regions per image at most (objects + context regions + spurious ones)
 * @param captionsPerImage   captions per image
 * @param questionsPerImage  VQA questions per image (at most; fewer when a scene offers fewer)
 * @param premisesPerImage   SNLI-VE premises (captions) per image, each with one hypothesis per label
 * @param corpusSentences    lines of the text-only corpus
 * @param classification     plausibility examples {train, dev, test}
 * @param summarization      summarization examples {train, dev, test}
 * @param threads            worker threads (the output does not depend on it)
 */
public record WorldSpec(long seed, int images, int valImages, int testImages, int imageOnly, int featureDim, int maxRegions,
                        int captionsPerImage, int questionsPerImage, int premisesPerImage, int corpusSentences,
                        int[] classification, int[] summarization, int threads) {

    public WorldSpec {
        classification = classification.clone();
        summarization = summarization.clone();
        if (images < 3) {
            throw new IllegalArgumentException("--images must be at least 3, got " + images);
        }
        if (valImages < 1 || testImages < 1 || valImages + testImages >= images) {
            throw new IllegalArgumentException("need at least one validation and one test image and some training images: images " + images
                    + ", val " + valImages + ", test " + testImages);
        }
        if (imageOnly < 0 || featureDim < 1 || maxRegions < 1 || captionsPerImage < 1 || questionsPerImage < 0 || premisesPerImage < 0
                || premisesPerImage > captionsPerImage || corpusSentences < 0 || threads < 1) {
            throw new IllegalArgumentException("bad world spec: image-only " + imageOnly + ", feature dim " + featureDim + ", max regions " + maxRegions
                    + ", captions " + captionsPerImage + ", questions " + questionsPerImage + ", premises " + premisesPerImage + ", corpus "
                    + corpusSentences + ", threads " + threads);
        }
        if (classification.length != 3 || summarization.length != 3) {
            throw new IllegalArgumentException("classification and summarization need {train, dev, test} sizes");
        }
    }

    /**
     * The defaults for {@code images} captioned images: test min(1000, images/5), validation
     * min(1000, images/10), an image-only collection of images/5, 2048-d features, at most 12
     * regions, 5 captions, 5 questions, 2 SNLI-VE premises, a corpus of 5 sentences an image,
     * plausibility {images, images/10, images/10} and summarization {images/2, images/20, images/20}
     * examples (at least 10 each), one thread per core.
     */
    public static WorldSpec defaults(long seed, int images) {
        int test = Math.max(1, Math.min(1000, images / 5));
        int val = Math.max(1, Math.min(1000, images / 10));
        int cls = Math.max(10, images / 10), sum = Math.max(10, images / 20);
        return new WorldSpec(seed, images, val, test, images / 5, 2048, 12, 5, 5, 2, 5 * images,
                new int[] {Math.max(10, images), cls, cls}, new int[] {Math.max(10, images / 2), sum, sum},
                Runtime.getRuntime().availableProcessors());
    }

    public int trainImages() {
        return images - valImages - testImages;
    }

    public WorldSpec withSplits(int val, int test) {
        return new WorldSpec(seed, images, val, test, imageOnly, featureDim, maxRegions, captionsPerImage, questionsPerImage, premisesPerImage,
                corpusSentences, classification, summarization, threads);
    }

    public WorldSpec withImageOnly(int n) {
        return new WorldSpec(seed, images, valImages, testImages, n, featureDim, maxRegions, captionsPerImage, questionsPerImage, premisesPerImage,
                corpusSentences, classification, summarization, threads);
    }

    public WorldSpec withFeatures(int dim, int regions) {
        return new WorldSpec(seed, images, valImages, testImages, imageOnly, dim, regions, captionsPerImage, questionsPerImage, premisesPerImage,
                corpusSentences, classification, summarization, threads);
    }

    public WorldSpec withCorpus(int sentences) {
        return new WorldSpec(seed, images, valImages, testImages, imageOnly, featureDim, maxRegions, captionsPerImage, questionsPerImage,
                premisesPerImage, sentences, classification, summarization, threads);
    }

    public WorldSpec withTextTasks(int[] cls, int[] sum) {
        return new WorldSpec(seed, images, valImages, testImages, imageOnly, featureDim, maxRegions, captionsPerImage, questionsPerImage,
                premisesPerImage, corpusSentences, cls, sum, threads);
    }

    public WorldSpec withThreads(int n) {
        return new WorldSpec(seed, images, valImages, testImages, imageOnly, featureDim, maxRegions, captionsPerImage, questionsPerImage,
                premisesPerImage, corpusSentences, classification, summarization, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorldSpec w && seed == w.seed && images == w.images && valImages == w.valImages && testImages == w.testImages
                && imageOnly == w.imageOnly && featureDim == w.featureDim && maxRegions == w.maxRegions && captionsPerImage == w.captionsPerImage
                && questionsPerImage == w.questionsPerImage && premisesPerImage == w.premisesPerImage && corpusSentences == w.corpusSentences
                && java.util.Arrays.equals(classification, w.classification) && java.util.Arrays.equals(summarization, w.summarization)
                && threads == w.threads;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(seed, images, valImages, testImages, imageOnly, featureDim, maxRegions, corpusSentences, threads);
    }

    @Override
    public String toString() {
        return "seed " + seed + ", images " + images + " (train " + trainImages() + ", val " + valImages + ", test " + testImages + "), image-only "
                + imageOnly + ", feature dim " + featureDim + ", max regions " + maxRegions + ", corpus " + corpusSentences + " sentences";
    }
}
