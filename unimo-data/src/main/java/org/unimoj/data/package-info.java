/**
 * The data of UNIMO-J: readers for the real dataset formats and the generator of the embedded
 * visual world that writes those same formats.
 *
 * <ul>
 *   <li>{@link org.unimoj.data.io}: what every reader shares (line reading, errors that name file,
 *       line and field, the fail/skip policy with its quarantine file, counts, shards);</li>
 *   <li>one package per format: {@link org.unimoj.data.features} (bottom-up-attention region
 *       TSV and a random-access store over it), {@link org.unimoj.data.captions} (Karpathy JSON,
 *       COCO captions JSON, the Flickr8k token file), {@link org.unimoj.data.corpus},
 *       {@link org.unimoj.data.vqa}, {@link org.unimoj.data.snlive}, {@link org.unimoj.data.glue},
 *       {@link org.unimoj.data.summarization};</li>
 *   <li>{@link org.unimoj.data.scene}: scene graphs of images and captions, the world's
 *       vocabulary, box geometry and the truth of a caption in an image;</li>
 *   <li>{@link org.unimoj.data.world}: the generator of the embedded world.</li>
 * </ul>
 */
package org.unimoj.data;
