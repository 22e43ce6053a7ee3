/** Text contracts: the tokenizer as the model sees it, and scene graphs of captions. */
package org.unimoj.api.text;
