/**
 * Finding a GLUE task's files in a data directory and telling each file's layout (official GLUE,
 * or header-less {@code sentence \t label} / {@code label \t sentence}); writing GLUE submission files.
 */
package org.unimoj.plugins.glue.files;
