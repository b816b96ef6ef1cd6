package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A value per transaction: one for a transaction and those that join it, another for an inner one of its own. */
@IntegrationTest
class TransactionLocalTests {

    @Autowired
    PlatformTransactionManager transactions;

    private final AtomicInteger made = new AtomicInteger();
    private final TransactionLocal<List<String>> collected = new TransactionLocal<>(() -> {
        made.incrementAndGet();
        return new ArrayList<>();
    });

    @Test
    void a_transaction_and_one_that_joins_it_share_one_value_made_at_its_first_use() {
        TransactionTemplate joining = new TransactionTemplate(transactions);
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            assertThat(made).as("not before its first use").hasValue(0);
            collected.get().add("甲");
            joining.executeWithoutResult(j -> collected.get().add("乙"));
            assertThat(collected.get()).containsExactly("甲", "乙");
        });
        assertThat(made).hasValue(1);
    }

    @Test
    void an_inner_transaction_of_its_own_has_its_own_value_and_the_outers_is_back_when_it_ends() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        List<String> innerValue = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            collected.get().add("外一");
            inner.executeWithoutResult(i -> {
                collected.get().add("内一");
                collected.get().add("内二");
                innerValue.addAll(collected.get());
            });
            collected.get().add("外二");
            assertThat(collected.get()).containsExactly("外一", "外二");
        });
        assertThat(innerValue).containsExactly("内一", "内二");
        assertThat(made).hasValue(2);
    }

    @Test
    void the_next_transaction_gets_a_new_value_after_one_rolled_back() {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            collected.get().add("撤销");
            s.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(s -> assertThat(collected.get()).isEmpty());
        assertThat(made).hasValue(2);
    }
}
