package org.rectify.generator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Generates a province in one transaction on the app's database, with the audit record {@code generator.loaded}
 * committed in the same transaction. Refuses a database that already holds tasks unless told to append.
 */
@Component
public class Generator {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Generator(DataSource dataSource, PlatformTransactionManager transactions, ApplicationEventPublisher events,
              Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    public GeneratedProvince generate(GeneratorOptions options) {
        boolean chosen = options.password() == null;
        String password = chosen ? newPassword() : options.password();
        // one hash for every account: bcrypt costs ~0.1 s, a province has hundreds of accounts
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
        return transaction.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                long tasks = ProvinceWriter.existingTasks(connection);
                if (tasks > 0 && !options.append()) {
                    throw new GeneratorRefused("The database already holds " + tasks + " tasks. The generator fills an empty "
                            + "database; to add a province to this one, run it again with --append.");
                }
                GeneratedProvince province = new ProvinceWriter(connection, options, hash, clock.getZone()).write();
                events.publishEvent(new ProvinceGenerated(province.provinceUnitId(), province.provinceName(), options.seed(), province.rows()));
                return new GeneratedProvince(province.provinceUnitId(), province.provinceName(), province.planIds(), province.rows(), province.millis(),
                        province.sampleAccounts(), chosen ? password : null, chosen, province.totalMillis());
            } catch (SQLException e) {
                throw new IllegalStateException("The generator could not write: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    private static String newPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
