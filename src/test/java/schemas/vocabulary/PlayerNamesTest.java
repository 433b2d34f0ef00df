package schemas.vocabulary;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.Test;

public class PlayerNamesTest {
  @Test
  public void foldsAccentsCaseAndPunctuation() {
    assertThat(PlayerNames.lookup("Nikola Jokić"), equalTo("nikolajokic"));
    assertThat(PlayerNames.lookup("Nikola Jokic"), equalTo("nikolajokic"));
    assertThat(PlayerNames.lookup("Shai Gilgeous-Alexander"), equalTo("shaigilgeousalexander"));
    assertThat(PlayerNames.lookup("De'Aaron Fox"), equalTo("deaaronfox"));
    assertThat(PlayerNames.lookup("Kristaps Porziņģis"), equalTo("kristapsporzingis"));
    assertThat(PlayerNames.lookup("  "), equalTo(""));
  }

  @Test
  public void keepsSuffixesInTheLookup() {
    assertThat(PlayerNames.lookup("Jaren Jackson Jr."), equalTo("jarenjacksonjr"));
    assertThat(PlayerNames.lookup("Trey Murphy III"), equalTo("treymurphyiii"));
  }

  @Test
  public void joinKeyIgnoresSuffixesAndMapsNicknames() {
    assertThat(PlayerNames.joinKey("jarenjacksonjr"), equalTo(PlayerNames.joinKey("jarenjackson")));
    assertThat(PlayerNames.joinKey("treymurphyiii"), equalTo("treymurphy"));
    assertThat(PlayerNames.joinKey(PlayerNames.lookup("Moe Wagner")), equalTo(PlayerNames.joinKey("moritzwagner")));
    // a name that merely ends in the letters of a suffix is left alone when it is too short to carry one
    assertThat(PlayerNames.joinKey("iii"), equalTo("iii"));
  }
}
