package io.cairn.ring.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceSpecTest {

    @Test
    void shouldParseAllPartsWhenRegionZoneAddressDeviceAndMetaGiven() {
        DeviceSpec spec = DeviceSpec.parse("r2z3-10.0.0.1:6200/sdb1_rack 4 slot_7", 150.5);

        assertThat(spec)
                .isEqualTo(new DeviceSpec(2, 3, "10.0.0.1", 6200, "10.0.0.1", 6200, "sdb1", 150.5, "rack 4 slot_7"));
    }

    @Test
    void shouldDefaultRegionToOneAndReplicationToAddressWhenOmitted() {
        DeviceSpec spec = DeviceSpec.parse("z1-127.0.0.1:6010/sdb1", 1);

        assertThat(spec.region()).isEqualTo(1);
        assertThat(spec.zone()).isEqualTo(1);
        assertThat(spec.replicationIp()).isEqualTo("127.0.0.1");
        assertThat(spec.replicationPort()).isEqualTo(6010);
        assertThat(spec.meta()).isEmpty();
    }

    @Test
    void shouldParseReplicationAddressWhenGiven() {
        DeviceSpec spec = DeviceSpec.parse("r1z2-10.0.0.1:6200R10.1.0.1:6300/sdc", 100);

        assertThat(spec.ip()).isEqualTo("10.0.0.1");
        assertThat(spec.port()).isEqualTo(6200);
        assertThat(spec.replicationIp()).isEqualTo("10.1.0.1");
        assertThat(spec.replicationPort()).isEqualTo(6300);
        assertThat(spec.device()).isEqualTo("sdc");
    }

    @Test
    void shouldNormalizeIpv6LikeSwiftWhenBracketed() {
        DeviceSpec spec = DeviceSpec.parse("r1z1-[FE80:0:0::0001]:6200R[2001:DB8::0:1]:6300/sdb_m", 1);

        assertThat(spec.ip()).isEqualTo("fe80::1");
        assertThat(spec.replicationIp()).isEqualTo("2001:db8::1");
        assertThat(spec.port()).isEqualTo(6200);
        assertThat(spec.replicationPort()).isEqualTo(6300);
        assertThat(spec.meta()).isEqualTo("m");
    }

    @ParameterizedTest
    @CsvSource({
        "::2, ::2",
        "::ffff:1.2.3.4, ::ffff:1.2.3.4",
        "::1.2.3.4, ::1.2.3.4",
        "::ffff:0:1.2.3.4, ::ffff:0:102:304",
        "1:0:0:1:0:0:0:1, 1:0:0:1::1",
        "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "'::', '::'",
        "64:ff9b::1.2.3.4, 64:ff9b::102:304"
    })
    void shouldFormatIpv6AsGlibcInetNtopWhenNormalizing(String given, String expected) {
        // expected values printed by Python's socket.inet_ntop(inet_pton(...)) on Debian, which Swift uses
        assertThat(IpLiterals.normalize(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1:2:3:4::5:6:7:8",
                "01.2.3.4",
                "1.2.3",
                "1.2.3.4.5",
                "::1%eth0",
                "1:2:3:4:5:6:7:8:9",
                ":1::",
                "1::2::3",
                "12345::",
                "::1.2.3",
                "256.1.1.1",
                "example.com",
                ""
            })
    void shouldRejectIpWhenNotALiteral(String ip) {
        assertThatThrownBy(() -> IpLiterals.normalize(ip))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid ip");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "r1z2-1.2.3.4/sdb | missing ':<port>'",
                "r1z2-1.2.3.4:x/sdb | invalid port",
                "r1z2-host:6000/sdb | Invalid ip host",
                "r1z-1.2.3.4:6000/sdb | invalid zone",
                "rz1-1.2.3.4:6000/sdb | invalid region",
                "r1z1-1.2.3.4:6000/ | device name",
                "r1z1-1.2.3.4:6000/ sd | leading or trailing space",
                "r1z1-1.2.3.4:99999/sd | 0..65535",
                "r1z1-1.2.3.4:6000sda | invalid port",
                "r1z1-1.2.3.4:6000/sd/a | contains '/'",
                "r1z1-[fe80::1:6000/sda | missing ']'",
                "r1-1.2.3.4:6000/sda | expected 'z<zone>'",
                "r1z1 1.2.3.4:6000/sda | expected '-'",
                "r1z1-1.2.3.4:6000R1.2.3.5/sda | missing ':<port>'",
                "r1z1-1.2.3.4:6000Rx/sda | missing ':<port>'"
            })
    void shouldRejectWithClearMessageWhenMalformed(String value, String expectedMessagePart) {
        assertThatThrownBy(() -> DeviceSpec.parse(value, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid device '" + value.strip() + "'")
                .hasMessageContaining(expectedMessagePart);
    }

    @Test
    void shouldRejectNegativeOrNonFiniteWeight() {
        assertThatThrownBy(() -> DeviceSpec.parse("r1z1-1.2.3.4:6000/sda", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight");
        assertThatThrownBy(() -> DeviceSpec.parse("r1z1-1.2.3.4:6000/sda", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight");
    }
}
