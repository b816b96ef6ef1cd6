package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class UnitNameNormalizerTests {

    private static List<String> names(String list) {
        return UnitNameNormalizer.normalize(list).stream()
            .map(u -> u.group() ? "[group] " + u.name() : u.name()).toList();
    }

    @Test
    void a_level_prefix_carries_over_an_enumeration() {
        assertThat(names("市发展改革委、财政局")).containsExactly("市发展改革委", "市财政局");
        assertThat(names("市委编办,市财政局、人力资源社会保障局"))
            .containsExactly("市委编办", "市财政局", "市人力资源社会保障局");
        assertThat(names("市住房城乡建设局、城乡规划局、工业和信息化委"))
            .containsExactly("市住房城乡建设局", "市城乡规划局", "市工业和信息化委");
    }

    @Test
    void a_party_or_government_prefix_carries_to_its_own_offices_only() {
        assertThat(names("市委组织部、宣传部、财政局")).containsExactly("市委组织部", "市委宣传部", "市财政局");
        assertThat(names("市政府督查室、法制办、审计局")).containsExactly("市政府督查室", "市政府法制办", "市审计局");
        assertThat(names("市中级人民法院、人民检察院")).containsExactly("市中级人民法院", "市人民检察院");
    }

    @Test
    void a_place_name_prefix_carries_like_a_level_prefix() {
        assertThat(names("临翔区环境保护局、财政局")).containsExactly("临翔区环境保护局", "临翔区财政局");
        assertThat(names("耿马傣族佤族自治县林业局、水务局"))
            .containsExactly("耿马傣族佤族自治县林业局", "耿马傣族佤族自治县水务局");
    }

    @Test
    void the_prefix_does_not_carry_across_a_comma() {
        assertThat(names("市委编办,财政局")).containsExactly("市委编办", "财政局");
    }

    @Test
    void names_with_their_own_prefix_keep_it() {
        assertThat(names("市委办公室、市政府办公室")).containsExactly("市委办公室", "市政府办公室");
        assertThat(names("市环境保护局、团市委")).containsExactly("市环境保护局", "团市委");
    }

    @Test
    void trailing_organ_names_distribute_over_a_list_of_places() {
        assertThat(names("临翔区、云县党委、政府"))
            .containsExactly("临翔区党委", "临翔区政府", "云县党委", "云县政府");
        assertThat(names("东湖区、西山县人民政府")).containsExactly("东湖区人民政府", "西山县人民政府");
        assertThat(names("沧源佤族自治县、双江自治县党委和政府"))
            .containsExactly("沧源佤族自治县党委", "沧源佤族自治县政府", "双江自治县党委", "双江自治县政府");
    }

    @Test
    void organ_names_distribute_over_a_county_group_which_stays_a_group() {
        assertThat(names("各县区党委、政府")).containsExactly("[group] 各县区党委", "[group] 各县区政府");
        assertThat(names("各县（区）党委、政府")).containsExactly("[group] 各县(区)党委", "[group] 各县(区)政府");
        assertThat(names("市委、政府")).containsExactly("市委", "市政府");
    }

    @Test
    void a_list_of_places_without_an_organ_stays_as_written() {
        assertThat(names("临翔区、云县")).containsExactly("临翔区", "云县");
    }

    @Test
    void group_phrases_are_kept_as_group_mentions() {
        assertThat(names("市级各相关部门,市直有关部门,市委农村工作领导小组成员单位,各乡镇,市级各责任单位"))
            .containsExactly("[group] 市级各相关部门", "[group] 市直有关部门", "[group] 市委农村工作领导小组成员单位",
                "[group] 各乡镇", "[group] 市级各责任单位");
        assertThat(names("市环境保护局")).containsExactly("市环境保护局");
    }

    @Test
    void separators_and_stray_punctuation_are_not_part_of_a_name() {
        assertThat(names(" 市财政局；市审计局， 市公安局等。")).containsExactly("市财政局", "市审计局", "市公安局");
        assertThat(names("市财政局 市审计局")).containsExactly("市财政局", "市审计局");
        assertThat(names("、,;")).isEmpty();
    }

    @Test
    void the_same_name_twice_is_one_mention() {
        assertThat(names("市财政局、市财政局,财政局")).containsExactly("市财政局", "财政局");
    }
}
