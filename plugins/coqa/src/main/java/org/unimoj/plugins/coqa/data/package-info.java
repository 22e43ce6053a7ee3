/** The official CoQA JSON format, read story by story into dialogue turns ({@link org.unimoj.plugins.coqa.data.CoqaJsonReader}). */
package org.unimoj.plugins.coqa.data;
