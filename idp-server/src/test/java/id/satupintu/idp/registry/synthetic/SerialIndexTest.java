package id.satupintu.idp.registry.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SerialIndexTest {

    @Test
    void buildWhenItemsShareAPrefixThenSerialsCountUpInItemOrder() {
        long[] keys = {SerialIndex.key(7, 0), SerialIndex.key(3, 1), SerialIndex.key(7, 2), SerialIndex.key(7, 3)};

        SerialIndex index = SerialIndex.build(keys, Set.of());

        assertThat(index.serial(0)).isEqualTo(1);
        assertThat(index.serial(1)).isEqualTo(1);
        assertThat(index.serial(2)).isEqualTo(2);
        assertThat(index.serial(3)).isEqualTo(3);
        assertThat(index.find(7, 3)).isEqualTo(3);
        assertThat(index.find(3, 1)).isEqualTo(1);
    }

    @Test
    void buildWhenSerialReservedThenSkipped() {
        long[] keys = {SerialIndex.key(5, 0), SerialIndex.key(5, 1), SerialIndex.key(5, 2)};

        SerialIndex index = SerialIndex.build(keys, Set.of(SerialIndex.reservation(5, 1), SerialIndex.reservation(5, 3)));

        assertThat(index.serial(0)).isEqualTo(2);
        assertThat(index.serial(1)).isEqualTo(4);
        assertThat(index.serial(2)).isEqualTo(5);
        assertThat(index.find(5, 1)).isEqualTo(-1);
        assertThat(index.find(5, 3)).isEqualTo(-1);
        assertThat(index.find(5, 4)).isEqualTo(1);
    }

    @Test
    void findWhenPrefixOrSerialAbsentThenMinusOne() {
        SerialIndex index = SerialIndex.build(new long[] {SerialIndex.key(9, 0)}, Set.of());

        assertThat(index.find(8, 1)).isEqualTo(-1);
        assertThat(index.find(10, 1)).isEqualTo(-1);
        assertThat(index.find(9, 2)).isEqualTo(-1);
        assertThat(SerialIndex.build(new long[0], Set.of()).find(9, 1)).isEqualTo(-1);
    }

    @Test
    void buildWhenMoreThanFourDigitsOfSerialsNeededThenRefused() {
        long[] keys = new long[SerialIndex.MAX_SERIAL + 1];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = SerialIndex.key(1, i);
        }

        assertThatThrownBy(() -> SerialIndex.build(keys, Set.of())).isInstanceOf(IllegalStateException.class);
    }
}
