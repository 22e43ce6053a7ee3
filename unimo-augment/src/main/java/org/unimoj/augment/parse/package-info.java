/**
 * The scene-graph parser for captions ({@link org.unimoj.augment.parse.CaptionParser}, an
 * {@link org.unimoj.api.text.SceneGraphParser}): objects, attributes and relations with their token
 * spans, plus the syntax rewriters need ({@link org.unimoj.augment.parse.ParsedCaption}).
 */
package org.unimoj.augment.parse;
