/** Plain-text corpora, one sentence (or passage) a line; empty lines separate documents. */
package org.unimoj.data.corpus;
