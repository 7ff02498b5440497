// SPDX-License-Identifier: MIT
#include "vocabulary.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "word_lexer.hpp"

namespace marginalia::plugins::quotes {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& reporting_verbs() {
  static const WordSet set = {
      "say", "says", "said", "saying", "state", "states", "stated", "tell", "tells", "told", "warn", "warns", "warned",
      "urge", "urges", "urged", "note", "notes", "noted", "write", "writes", "wrote", "written", "argue", "argues",
      "argued", "add", "adds", "added", "claim", "claims", "claimed", "insist", "insists", "insisted", "declare",
      "declares", "declared", "reply", "replies", "replied", "ask", "asks", "asked", "cry", "cries", "cried", "answer",
      "answers", "answered", "explain", "explains", "explained", "observe", "observes", "observed", "remark", "remarked",
      "announce", "announces", "announced", "continued", "returned", "exclaim", "exclaims", "exclaimed", "shout", "shouted",
      "whisper", "whispered", "murmur", "murmured", "mutter", "muttered", "respond", "responds", "responded", "acknowledge",
      "acknowledges", "acknowledged", "admit", "admits", "admitted", "concede", "concedes", "conceded", "stress", "stresses",
      "stressed", "emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized", "affirm", "affirms",
      "affirmed", "reaffirm", "reaffirms", "reaffirmed", "re-affirm", "re-affirmed", "pledge", "pledges", "pledged",
      "promise", "promises", "promised", "conclude", "concludes", "concluded", "suggest", "suggests", "suggested",
      "tweet", "tweets", "tweeted", "posted", "assert", "asserts", "asserted", "describe", "describes", "described",
      "describing", "report", "reports", "reported", "reporting",
      "maintain", "maintains", "maintained", "recall", "recalls", "recalled", "repeated", "reiterate", "reiterates",
      "reiterated", "demand", "demands", "demanded", "predict", "predicts", "predicted", "vow", "vows", "vowed", "boasted",
      "complain", "complains", "complained", "protest", "protests", "protested", "agreed", "interrupted", "sighed",
      "laughed", "retort", "retorts", "retorted", "rejoined", "inquire", "inquired", "inquires", "enquire", "enquired",
      "pursued", "resumed", "began", "thought", "screamed", "growled", "gasped", "sobbed", "stammered", "cautioned",
      "caution", "cautions", "accused", "asking", "writing", "noting", "arguing", "adding", "claiming", "insisting",
      "declaring", "stating", "telling", "urging", "explaining", "observing", "stressing", "emphasizing", "emphasising",
      "suggesting", "replying", "answering", "concluding", "recalling", "asserting", "remarking", "quoted", "quipped", "commented", "comment", "comments", "wondered", "ventured",
      "proclaimed", "proclaims", "testified", "testifies", "answered", "pleaded", "begged", "repeated",
      "groaned", "moaned", "breathed", "yelled", "roared", "snapped", "hissed", "faltered", "persisted",
      "urged", "objected", "suggested", "exclaimed", "demanded", "explained",
      // Findings and documents: "the review found that", "Article 12 reads:", "as the author puts it".
      "find", "finds", "found", "reads", "puts",
      // French and German reports quote with the same patterns.
      "dit", "déclaré", "ajouté", "affirmé", "souligné", "estimé", "expliqué", "indiqué", "précisé", "rappelé", "averti",
      "sagte", "erklärte", "betonte", "warnte", "fügte", "schrieb"};
  return set;
}

const WordSet& cue_nouns() {
  static const WordSet set = {"warning", "assessment", "view", "views", "words", "message", "comment", "comments", "remarks",
                              "position", "argument", "pledge", "promise", "appeal", "response", "reply", "answer",
                              "verdict", "observation", "admission", "insistence", "testimony", "speech", "interview",
                              "address", "statement", "statements", "declaration", "announcement", "announcements"};
  return set;
}

const WordSet& document_nouns() {
  static const WordSet set = {"statement", "outlook", "report", "paper", "article", "strategy", "declaration", "communiqué",
                              "communique", "speech", "interview", "letter", "resolution", "conclusions", "document",
                              "memorandum", "memo", "treaty", "agreement", "study", "book", "blog", "post", "tweet",
                              "release", "transcript", "testimony", "readout", "editorial", "op-ed", "minutes", "charter",
                              "constitution", "manifesto", "remarks", "address", "essay", "column", "white paper",
                              "guidelines", "review", "survey", "brief", "briefing", "note", "cable", "telegram", "dispatch",
                              "diary", "memoirs", "memoir", "journal", "law", "directive", "regulation", "statute"};
  return set;
}

const WordSet& roles() {
  static const WordSet set = {
      "president", "vice-president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chancellor",
      "premier", "envoy", "ambassador", "commissioner", "chairman", "chair", "chairwoman", "chairperson", "director",
      "director-general", "secretary-general", "general", "admiral", "senator", "representative", "governor", "mayor",
      "king", "queen", "prince", "princess", "pope", "professor", "prof.", "chief", "leader", "head", "ceo", "analyst",
      "expert", "official", "diplomat", "economist", "historian", "author", "scholar", "journalist", "adviser", "advisor",
      "counsellor", "counselor", "colonel", "captain", "lieutenant", "sergeant", "judge", "justice", "prosecutor",
      "speaker", "deputy", "foreign", "defence", "defense", "prime", "vice", "special", "state", "emperor", "empress",
      "chairwoman", "commander", "marshal", "senior", "former", "then-president", "co-founder", "founder", "editor",
      "correspondent", "researcher", "fellow", "activist", "lawmaker", "congressman", "congresswoman", "mp", "mep",
      "councillor", "rapporteur", "ombudsman", "bishop", "archbishop", "cardinal", "rabbi", "imam", "reverend",
      "tsar", "czar", "sultan", "sheikh", "emir", "ayatollah", "vp", "coordinator", "negotiator", "officer", "attorney",
      "attorney-general", "solicitor", "auditor", "inspector", "superintendent", "principal", "ministre", "porte-parole",
      "président", "présidente", "secrétaire", "ambassadeur", "minister", "sprecher", "sprecherin", "kanzler", "kanzlerin"};
  return set;
}

const WordSet& particles() {
  static const WordSet set = {"von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "dos", "das", "del",
                              "bin", "ibn", "al", "el", "ter", "ten", "zu", "y", "of"};
  return set;
}

const WordSet& function_words() {
  static const WordSet set = {
      "the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "nor", "however", "similarly", "this", "that", "these",
      "those", "it", "he", "she", "they", "we", "i", "his", "her", "their", "its", "our", "my", "your", "as", "if", "when",
      "while", "although", "though", "despite", "after", "before", "since", "moreover", "finally", "first", "second",
      "third", "fourth", "fifth", "equally", "hence", "indeed", "of", "to", "from", "with", "by", "both", "yet", "some",
      "many", "most", "several", "other", "another", "such", "not", "no", "all", "each", "every", "why", "what", "how",
      "who", "whom", "where", "which", "oh", "yes", "well", "now", "then", "there", "here", "so", "do", "does", "did",
      "is", "are", "was", "were", "be", "have", "has", "had", "you", "me", "us", "them", "him", "ah", "dear", "thus",
      "also", "even", "only", "still", "instead", "therefore", "meanwhile", "furthermore", "further", "nevertheless",
      "nonetheless", "accordingly", "according", "because", "unless", "until", "whether", "during", "within", "without",
      "among", "between", "against", "under", "over", "about", "above", "below", "through", "throughout", "upon",
      "into", "onto", "toward", "towards", "ever", "never", "perhaps", "already", "again", "once", "twice", "more",
      "less", "much", "one", "two", "three", "let", "mind", "come", "go", "look", "see", "chapter", "part", "section",
      "key", "like", "unlike", "given", "following", "regarding", "overall", "today", "yesterday", "tomorrow",
      "recently", "currently", "nor", "either", "neither", "any", "just", "very", "good", "poor", "pray", "sure",
      "certainly", "surely", "besides", "whatever", "whenever", "wherever", "else", "lastly", "next", "later",
      "earlier", "nobody", "nothing", "everyone", "everybody", "someone", "somebody", "anyone", "anybody"};
  return set;
}

const WordSet& institution_words() {
  static const WordSet set = {
      "commission", "council", "ministry", "government", "union", "states", "kingdom", "republic", "nations",
      "organization", "organisation", "cooperation", "security", "office", "party", "congress", "parliament",
      "assembly", "court", "bank", "fund", "agency", "institute", "university", "centre", "center", "group", "forum",
      "summit", "conference", "treaty", "agreement", "statement", "declaration", "report", "strategy", "initiative",
      "department", "house", "senate", "committee", "board", "authority", "service", "services", "command", "army",
      "navy", "force", "forces", "corporation", "company", "inc", "ltd", "foundation", "association", "society",
      "federation", "alliance", "partnership", "church", "school", "college", "academy", "times", "post", "journal",
      "news", "press", "review", "herald", "tribune", "gazette", "magazine", "network", "television", "radio",
      "community", "parliamentary", "bureau", "secretariat", "administration", "cabinet", "kremlin", "pentagon",
      "white", "foreign", "affairs", "policy", "relations", "studies", "research", "program", "programme", "project",
      "mission", "delegation", "embassy", "consulate", "tribunal", "police", "guard", "staff", "club", "team",
      "festival", "museum", "library", "archives", "archive", "historian", "series", "volume", "edition"};
  return set;
}

const WordSet& places() {
  static const WordSet set = {
      // regions and geography
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "global", "far",
      "middle", "near", "new", "old", "great", "united", "pacific", "atlantic", "arctic", "indo-pacific", "asia-pacific",
      "asia", "europe", "africa", "america", "americas", "oceania", "eurasia", "antarctica", "balkans", "caucasus",
      "baltic", "baltics", "scandinavia", "mediterranean", "gulf", "sahel", "caribbean", "latin", "island", "islands",
      "sea", "ocean", "river", "mountains", "strait", "peninsula", "valley", "city", "province", "region", "street",
      "road", "square", "avenue", "row", "vale", "lane", "park", "heath", "moor", "manor",
      "abbey", "castle", "chapel", "gardens", "terrace", "village", "county", "shire", "inn", "farm", "cottage", "downs", "hill", "coast", "bay", "lake", "cape", "port", "fort", "mount", "saint", "san",
      "santa", "los", "las", "hong", "kong", "taipei", "xinjiang", "tibet", "crimea", "donbas", "donbass", "siberia",
      "kyiv", "kiev", "moscow", "beijing", "washington", "london", "paris", "berlin", "brussels", "tokyo", "delhi",
      "rome", "madrid", "vienna", "warsaw", "prague", "budapest", "bucharest", "sofia", "athens", "ankara", "istanbul",
      "tehran", "riyadh", "cairo", "jerusalem", "seoul", "pyongyang", "hanoi", "bangkok", "jakarta", "manila",
      "canberra", "ottawa", "mexico", "brasilia", "geneva", "hague", "minsk", "tbilisi", "yerevan", "baku", "astana",
      "tashkent", "kabul", "islamabad", "dhaka", "singapore", "shanghai", "taiwan", "lisbon", "dublin", "stockholm",
      "oslo", "helsinki", "copenhagen", "amsterdam", "vilnius", "riga", "tallinn", "bratislava", "ljubljana", "zagreb",
      "belgrade", "sarajevo", "skopje", "tirana", "chisinau", "nairobi", "addis", "abuja", "pretoria", "johannesburg",
      "doha", "dubai", "abu", "dhabi", "baghdad", "damascus", "beirut", "amman", "kabul", "york", "chicago", "boston",
      "california", "texas", "virginia", "maryland", "florida",
      // countries and demonyms
      "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria", "azerbaijan",
      "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "britain", "bulgaria", "cambodia",
      "cameroon", "canada", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus", "czechia", "denmark",
      "egypt", "estonia", "ethiopia", "finland", "france", "georgia", "germany", "ghana", "greece", "hungary",
      "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan", "kazakhstan",
      "kenya", "korea", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "libya", "lithuania",
      "luxembourg", "malaysia", "mali", "malta", "moldova", "mongolia", "montenegro", "morocco", "mozambique",
      "myanmar", "namibia", "nepal", "netherlands", "nicaragua", "niger", "nigeria", "norway", "oman", "pakistan",
      "palestine", "panama", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
      "rwanda", "saudi", "arabia", "senegal", "serbia", "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden",
      "switzerland", "syria", "tajikistan", "tanzania", "thailand", "tunisia", "turkey", "türkiye", "turkmenistan",
      "uganda", "ukraine", "uruguay", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "england",
      "scotland", "wales", "us", "usa", "uk", "eu", "un", "u.s.", "u.k.", "u.n.", "e.u.", "u.s.a.", "nato", "prc", "dprk", "ussr", "gdr", "frg",
      "american", "americans", "british", "chinese", "russian", "russians", "european", "europeans", "french",
      "german", "germans", "japanese", "indian", "indians", "korean", "koreans", "ukrainian", "ukrainians", "polish",
      "italian", "spanish", "dutch", "swedish", "finnish", "norwegian", "danish", "turkish", "iranian", "iraqi",
      "israeli", "palestinian", "arab", "arabs", "african", "asian", "soviet", "sino", "russo", "anglo", "franco",
      "atlanticist", "transatlantic", "western", "westerners", "baltic", "nordic", "slavic", "belarusian", "georgian",
      "armenian", "syrian", "egyptian", "saudi", "brazilian", "mexican", "canadian", "australian", "pakistani",
      "afghan", "vietnamese", "indonesian", "korean", "taiwanese", "tibetan", "uyghur", "kazakh", "hungarian",
      "czech", "slovak", "romanian", "bulgarian", "serbian", "croatian", "greek", "portuguese", "irish", "scottish",
      "welsh", "english", "latvian", "lithuanian", "estonian", "moldovan", "chechen", "crimean", "muslim", "christian",
      "catholic", "orthodox", "jewish", "islamic", "communist", "socialist", "democratic", "republican", "conservative",
      "liberal", "labour", "labor", "green", "greens"};
  return set;
}

const WordSet& not_names() {
  static const WordSet set = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "chapter", "part",
      "section", "figure", "table", "annex", "appendix", "war", "wars", "era", "day", "act", "law", "god", "lord's",
      "internet", "covid", "covid-19", "ai", "gdp", "start", "figaro", "monde", "spiegel", "plan", "doctrine",
      "strategy", "note", "notes", "source", "sources", "ibid", "see", "vol", "volume", "page", "pages", "foreign",
      "relations", "series", "cold", "world", "second", "first", "ii", "iii", "iv", "vii", "viii",
      "ix", "xii", "brics", "aukus", "quad", "osce", "opcw", "sco", "asean", "g7", "g20", "who", "imf",
      "wto", "oecd", "opec", "frus", "the", "key", "findings", "introduction", "conclusion", "conclusions",
      "summary", "recommendations", "executive", "english", "christmas", "easter", "ramadan", "parliament",
      "congress", "senate", "house", "court", "government", "state", "states", "department", "ministry"};
  return set;
}

const WordSet& male_honorifics() {
  static const WordSet set = {"mr", "mr.", "sir", "lord", "king", "prince", "father", "uncle", "monsieur", "m.", "herr", "señor",
                              "brother", "count", "duke", "baron"};
  return set;
}
const WordSet& female_honorifics() {
  static const WordSet set = {"mrs", "mrs.", "miss", "ms", "ms.", "lady", "queen", "princess", "madame", "mme", "mme.", "mlle",
                              "aunt", "dame", "mother", "frau", "señora", "sister", "countess", "duchess", "baroness"};
  return set;
}
const WordSet& neutral_honorifics() {
  static const WordSet set = {"dr", "dr.", "prof", "prof.", "professor", "doctor", "captain", "colonel", "general", "major", "judge",
                              "rev", "rev.", "reverend"};
  return set;
}

const WordSet& title_cues() {
  static const WordSet set = {"entitled", "titled", "headlined", "captioned"};
  return set;
}

// FNV-1a: cheaper than std::hash for short words.
struct WordHash {
  std::size_t operator()(std::string_view w) const {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<std::size_t>(h);
  }
};
using Table = std::unordered_map<std::string_view, unsigned, WordHash>;

// All lists merged into one table of flags, built once.
const Table& table() {
  static const Table merged = [] {
    Table t;
    t.reserve(2048);
    const std::pair<const WordSet*, unsigned> lists[] = {
        {&reporting_verbs(), Vocabulary::verb},       {&cue_nouns(), Vocabulary::cue},
        {&document_nouns(), Vocabulary::document},    {&roles(), Vocabulary::role_word},
        {&particles(), Vocabulary::particle_word},    {&function_words(), Vocabulary::function},
        {&institution_words(), Vocabulary::institution}, {&places(), Vocabulary::place_word},
        {&not_names(), Vocabulary::not_name},         {&title_cues(), Vocabulary::title},
        {&male_honorifics(), Vocabulary::male},       {&female_honorifics(), Vocabulary::female},
        {&neutral_honorifics(), Vocabulary::neutral}};
    for (const auto& [set, flag] : lists)
      for (std::string_view word : *set) t[word] |= flag;
    return t;
  }();
  return merged;
}

}  // namespace

Vocabulary::Vocabulary(const std::vector<std::string>& extra_verbs) {
  for (const std::string& verb : extra_verbs) extra_.push_back(fold(verb));
}

unsigned Vocabulary::flags(std::string_view w) const {
  const auto& t = table();
  auto it = t.find(w);
  unsigned f = it == t.end() ? 0u : it->second;
  if (!extra_.empty() && !(f & verb) && std::find(extra_.begin(), extra_.end(), w) != extra_.end()) f |= verb;
  return f;
}

bool Vocabulary::reporting_verb(std::string_view w) const { return flags(w) & verb; }
bool Vocabulary::cue_noun(std::string_view w) const { return flags(w) & cue; }
bool Vocabulary::document_noun(std::string_view w) const { return flags(w) & document; }
bool Vocabulary::role(std::string_view w) const { return flags(w) & role_word; }
bool Vocabulary::particle(std::string_view w) const { return flags(w) & particle_word; }
bool Vocabulary::function_word(std::string_view w) const { return flags(w) & function; }
bool Vocabulary::institution_word(std::string_view w) const { return flags(w) & institution; }
bool Vocabulary::place(std::string_view w) const { return flags(w) & place_word; }
bool Vocabulary::not_a_name(std::string_view w) const { return flags(w) & not_name; }
bool Vocabulary::title_cue(std::string_view w) const { return flags(w) & title; }

char Vocabulary::honorific(std::string_view w) const {
  unsigned f = flags(w);
  return f & male ? 'm' : f & female ? 'f' : f & neutral ? 'n' : 0;
}

char Vocabulary::pronoun(std::string_view w) const {
  if (w == "he") return 'm';
  if (w == "she") return 'f';
  if (w == "they") return 'p';
  if (w == "it") return 'n';
  if (w == "i" || w == "we") return 'i';
  return 0;
}

}  // namespace marginalia::plugins::quotes
