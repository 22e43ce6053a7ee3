/**
 * Region features in the bottom-up-attention TSV format, one image a line:
 * {@code image_id \t image_w \t image_h \t num_boxes \t boxes \t features [\t cls_prob]}, where
 * {@code boxes}, {@code features} and {@code cls_prob} are base64 of little-endian float32 arrays
 * {@code [num_boxes, 4]}, {@code [num_boxes, dim]} and {@code [num_boxes, classes]} (the LXMERT
 * layout is read too, see {@link org.unimoj.data.features.FeatureTsvLayout}).
 *
 * <p>{@link org.unimoj.data.features.FeatureTsvReader} streams and validates a file (sharded,
 * fail/skip), {@link org.unimoj.data.features.FeatureStore} fetches one image by id through an
 * offset index, {@link org.unimoj.data.features.FeatureTsvWriter} writes the format.
 */
package org.unimoj.data.features;
