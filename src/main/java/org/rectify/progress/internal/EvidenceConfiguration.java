package org.rectify.progress.internal;

import org.rectify.progress.EvidenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The evidence store: files under {@code rectify.evidence.dir} (default {@code <rectify.data-dir>/evidence}), at
 * most {@code rectify.evidence.max-size} each (default 50 MB). Evidence lives as long as the database that
 * references it: beside a throw-away embedded database (tests) it goes to a temporary directory too, so a test run
 * never mixes its files, or its clean-up, with the files of the data directory.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EvidenceConfiguration.class);

    @Bean // closed with the context: a temporary directory goes with it
    @ConditionalOnMissingBean(EvidenceStore.class)
    EvidenceStore evidenceStore(@Value("${rectify.evidence.dir:}") String dir,
                                @Value("${rectify.data-dir:./data}") Path dataDir,
                                @Value("${rectify.evidence.max-size:50MB}") DataSize maxSize,
                                @Value("${spring.datasource.url:}") String datasourceUrl,
                                @Value("${rectify.embedded-db.persistent:true}") boolean persistent,
                                Clock clock) {
        Path root;
        boolean temporary = false;
        if (!dir.isBlank()) {
            root = Path.of(dir);
        } else if (datasourceUrl.isBlank() && !persistent) {
            try {
                root = Files.createTempDirectory("rectify-evidence");
                temporary = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            root = dataDir.resolve("evidence");
        }
        FileSystemEvidenceStore store = new FileSystemEvidenceStore(root, maxSize.toBytes(), clock);
        if (temporary) {
            store.temporary();
        }
        log.info("Evidence files: {} (at most {} MB each)", store.root(), maxSize.toMegabytes());
        return store;
    }
}
