/** Configuration key names shared by modules. */
package org.unimoj.api.config;
