/** Records that describe images, captions and text, shared by every module. */
package org.unimoj.api.data;
