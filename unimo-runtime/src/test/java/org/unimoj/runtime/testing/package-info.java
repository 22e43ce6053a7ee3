/** What the runtime's tests share: generated worlds. */
package org.unimoj.runtime.testing;
