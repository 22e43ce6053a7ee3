/**
 * What every reader shares: fast byte-level line reading ({@link org.unimoj.data.io.LineReader},
 * which removes a byte-order mark and CRLF line ends and says so), the record-reader skeleton
 * ({@link org.unimoj.data.io.RecordReader}) that applies the fail/skip policy, counts records and
 * reads one shard of a file, errors that name the file, the line and the field
 * ({@link org.unimoj.data.io.DataError}), and the quarantine file of skipped records.
 */
package org.unimoj.data.io;
