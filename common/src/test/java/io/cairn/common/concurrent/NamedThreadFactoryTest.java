package io.cairn.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedThreadFactoryTest {
    @Test
    void shouldNameEveryThreadOfASingleFactoryTheSameAndMakeItADaemon() {
        NamedThreadFactory f = NamedThreadFactory.single("object-server-recon");
        Thread a = f.newThread(NamedThreadFactoryTest::nothing);
        Thread b = f.newThread(NamedThreadFactoryTest::nothing);
        assertThat(a.getName()).isEqualTo("object-server-recon");
        assertThat(b.getName()).isEqualTo("object-server-recon");
        assertThat(a.isDaemon()).isTrue();
    }

    @Test
    void shouldNumberThreadsOfAPoolFromOne() {
        NamedThreadFactory f = NamedThreadFactory.numbered("object-sda");
        assertThat(f.newThread(NamedThreadFactoryTest::nothing).getName()).isEqualTo("object-sda-1");
        assertThat(f.newThread(NamedThreadFactoryTest::nothing).getName()).isEqualTo("object-sda-2");
    }

    @Test
    void shouldKeepTheNamesButNotTheDaemonFlagWhenNonDaemon() {
        Thread t = NamedThreadFactory.numbered("saio-shutdown").nonDaemon().newThread(NamedThreadFactoryTest::nothing);
        assertThat(t.getName()).isEqualTo("saio-shutdown-1");
        assertThat(t.isDaemon()).isFalse();
    }

    private static void nothing() {}
}
