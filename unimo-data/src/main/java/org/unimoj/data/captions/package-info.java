/**
 * Caption files: Karpathy-style JSON ({@code images[].sentences[].raw/tokens}, {@code split};
 * {@link org.unimoj.data.captions.KarpathyJsonReader}), COCO {@code captions_*.json}
 * ({@link org.unimoj.data.captions.CocoCaptionsReader}), and the Flickr8k token file
 * ({@code <image>#<n>\t<caption>}; {@link org.unimoj.data.captions.Flickr8kTokenReader}), with
 * their writers and the Karpathy tokenisation ({@link org.unimoj.data.captions.CaptionTokens}).
 */
package org.unimoj.data.captions;
