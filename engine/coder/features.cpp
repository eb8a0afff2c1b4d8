#include "coder/features.hpp"

#include <algorithm>
#include <array>

namespace holdspace::coder {
namespace {

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Cut at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view capped(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

constexpr std::array<std::string_view, 24> fillers = {
    "um", "umm", "uh", "uhh", "er", "erm", "so", "well", "okay", "ok", "and", "but", "yeah", "like",
    "right", "now", "alright", "hmm", "mm", "oh", "ah", "mhm", "see", "look"};

bool is_filler(const std::string& w) {
    return std::find(fillers.begin(), fillers.end(), w) != fillers.end();
}

constexpr std::array<std::string_view, 12> wh_words = {
    "what", "how", "why", "when", "where", "who", "which", "whats", "what's", "how's", "where's", "who's"};
constexpr std::array<std::string_view, 27> aux_words = {
    "do", "does", "did", "is", "are", "was", "were", "have", "has", "had", "can", "could", "would",
    "will", "should", "shall", "may", "might", "am", "isn't", "aren't", "don't", "didn't", "doesn't",
    "won't", "wouldn't", "haven't"};
constexpr std::array<std::string_view, 12> subjects = {
    "you", "i", "it", "that", "this", "there", "we", "they", "he", "she", "anything", "anyone"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// Verbs that open an instruction ("Try...", "Go and...", "Don't...").
constexpr std::array<std::string_view, 40> imperative_verbs = {
    "try", "go", "stop", "get", "make", "keep", "don't", "take", "write", "tell", "delete", "have", "put",
    "give", "call", "ring", "avoid", "start", "eat", "drink", "sleep", "cut", "set", "leave", "use", "read",
    "practise", "practice", "fill", "bring", "remember", "do", "join", "find", "switch", "throw", "ask",
    "stick", "walk", "listen"};
constexpr std::array<std::string_view, 8> you_words = {"you", "you're", "you've", "you'd", "you'll", "your", "youre", "ya"};
constexpr std::array<std::string_view, 10> number_words = {"one", "two", "three", "four", "five", "ten", "twenty", "half", "hundred", "forty"};

// Words that say nothing when negated; the negation window counts them but does not mark them.
constexpr std::array<std::string_view, 24> negation_skip = {
    "you", "your", "i", "me", "we", "us", "it", "the", "a", "an", "to", "be", "for", "on", "of", "and",
    "that", "this", "what", "going", "get", "have", "been", "so"};

struct Cue {
    std::string_view feature;
    std::string_view phrase;  // matched on " w1 w2 ... " (lower-cased words, "?" and "." tokens)
};

// Phrases a clinician would name, each turned into a feature when it occurs anywhere.
constexpr Cue cues[] = {
    // reflection stems
    {"__reflect_stem", " sounds like "}, {"__reflect_stem", " it sounds "}, {"__reflect_stem", " sounds as if "},
    {"__reflect_stem", " it seems "}, {"__reflect_stem", " seems like "}, {"__reflect_stem", " you seem "},
    {"__reflect_stem", " i'm hearing "}, {"__reflect_stem", " what i hear "}, {"__reflect_stem", " i hear "},
    {"__reflect_stem", " so you're "}, {"__reflect_stem", " you're saying "}, {"__reflect_stem", " it's like "},
    {"__reflect_stem", " part of you "}, {"__reflect_stem", " on the one hand "}, {"__reflect_stem", " and yet "},
    {"__you_feel", " you're feeling "}, {"__you_feel", " you feel "}, {"__you_feel", " you felt "},
    {"__you_feel", " you've been feeling "}, {"__you_feel", " you were feeling "},
    // advice verbs
    {"__advice", " you should "}, {"__advice", " you need to "}, {"__advice", " you have to "},
    {"__advice", " you must "}, {"__advice", " you ought to "}, {"__advice", " why don't you "},
    {"__advice", " you might want to "}, {"__advice", " i'd suggest "}, {"__advice", " i suggest "},
    {"__advice", " i recommend "}, {"__advice", " i'd recommend "}, {"__advice", " make sure "},
    {"__advice", " try to "}, {"__advice", " just try "}, {"__advice", " you could try "},
    {"__advice", " what you want to do is "}, {"__advice", " you gotta "}, {"__advice", " you've got to "},
    {"__advice", " it would be good to "}, {"__advice", " the best thing is to "}, {"__advice", " stop "},
    {"__advice", " i'd encourage you "}, {"__advice", " i would encourage you "}, {"__advice", " i'd advise "},
    // reassurance
    {"__reassure", " don't worry "}, {"__reassure", " no need to worry "}, {"__reassure", " it'll be fine "},
    {"__reassure", " it'll be okay "}, {"__reassure", " it will be okay "}, {"__reassure", " you'll be fine "},
    {"__reassure", " you'll be okay "}, {"__reassure", " everything will "}, {"__reassure", " nothing to worry "},
    {"__reassure", " you're safe "}, {"__reassure", " i promise "}, {"__reassure", " it's totally normal "},
    {"__reassure", " it's normal "}, {"__reassure", " nothing bad "}, {"__reassure", " i'm sure it "},
    {"__reassure", " i'm sure you "}, {"__reassure", " it's all fine "}, {"__reassure", " all be fine "},
    // validation
    {"__validate", " makes sense "}, {"__validate", " make sense "}, {"__validate", " of course you "},
    {"__validate", " anyone would "}, {"__validate", " understandable "}, {"__validate", " no wonder "},
    {"__validate", " it's okay to "}, {"__validate", " it's ok to "}, {"__validate", " allowed to "},
    // first-person disclosure
    {"__self", " me too "}, {"__self", " i've been through "}, {"__self", " when i was "},
    {"__self", " my own "}, {"__self", " my mother "}, {"__self", " my father "}, {"__self", " my dad "},
    {"__self", " my mom "}, {"__self", " my mum "}, {"__self", " my wife "}, {"__self", " my husband "},
    {"__self", " my partner "}, {"__self", " my kids "}, {"__self", " my son "}, {"__self", " my daughter "},
    {"__self", " i had the same "}, {"__self", " i went through "}, {"__self", " i used to "},
    {"__self", " personally i "}, {"__self", " i remember when "}, {"__self", " i know exactly "},
    // asking permission
    {"__permission", " can i share "}, {"__permission", " could i share "}, {"__permission", " may i "},
    {"__permission", " would it be okay if i "}, {"__permission", " would it be ok if i "},
    {"__permission", " is it okay if i "}, {"__permission", " is it ok if i "}, {"__permission", " do you mind if i "},
    {"__permission", " would you mind if i "}, {"__permission", " would you like to hear "},
    {"__permission", " can i offer "}, {"__permission", " can i tell you "}, {"__permission", " can i give you "},
    {"__permission", " would you be open to "}, {"__permission", " take it or leave it "},
    {"__permission", " you can disagree "}, {"__permission", " see what you think "},
    // collaboration and autonomy
    {"__collab", " together "}, {"__collab", " would you like "}, {"__collab", " what would you like "},
    {"__collab", " how would you like "}, {"__collab", " what do you think "}, {"__collab", " does that work "},
    {"__autonomy", " up to you "}, {"__autonomy", " your choice "}, {"__autonomy", " your call "},
    {"__autonomy", " you decide "}, {"__autonomy", " it's yours "}, {"__autonomy", " your decision "},
    {"__autonomy", " you get to "}, {"__autonomy", " only you "}, {"__autonomy", " you're in charge "},
    // the therapist's own plan, the week ahead, the session frame
    {"__we_will", " we'll "}, {"__we_will", " we will "}, {"__we_will", " we're going to "},
    {"__we_will", " the way this works "}, {"__we_will", " what we do "}, {"__we_will", " in these sessions "},
    {"__homework", " this week "}, {"__homework", " before next "}, {"__homework", " between now and "},
    {"__homework", " homework "}, {"__homework", " worksheet "}, {"__homework", " every day "},
    {"__homework", " each day "}, {"__homework", " every night "}, {"__homework", " next session "},
    {"__homework", " practice "},
    // staying with the participant; a duty to report (what the therapists will do, not leaving)
    {"__stay", " staying "}, {"__stay", " stay with you "}, {"__stay", " stay right here "},
    {"__stay", " here with you "}, {"__stay", " stay until "}, {"__stay", " stay till "},
    {"__stay", " right here "}, {"__stay", " with you until "}, {"__stay", " with you till "},
    {"__report", " report "}, {"__report", " reported "}, {"__report", " reporting "}, {"__report", " reportable "},
    {"__report", " duty to "}, {"__report", " obliged to "}, {"__report", " required to "}, {"__report", " safeguarding "},
    // body and present moment
    {"__body", " breath "}, {"__body", " breathe "}, {"__body", " feet "}, {"__body", " floor "},
    {"__body", " notice "}, {"__body", " your body "}, {"__body", " right now "}, {"__body", " in the room "},
    // evidence for a belief
    {"__evidence", " evidence "}, {"__evidence", " what makes you "}, {"__evidence", " how do you know "},
    {"__evidence", " another way "}, {"__evidence", " a friend "}, {"__evidence", " really true "},
    {"__evidence", " for and against "}, {"__evidence", " realistically "}, {"__evidence", " could you have "},
    // risk
    {"__risk", " kill yourself "}, {"__risk", " suicide "}, {"__risk", " suicidal "}, {"__risk", " end your life "},
    {"__risk", " ending your life "}, {"__risk", " hurt yourself "}, {"__risk", " harm yourself "},
    {"__risk", " not be here "}, {"__risk", " a plan "}, {"__risk", " gun "}, {"__risk", " pills "},
    // medicine
    {"__meds", " medication "}, {"__meds", " meds "}, {"__meds", " dose "}, {"__meds", " antidepressant "},
    {"__meds", " prescription "}, {"__meds", " pills "}, {"__meds", " ssri "},
};

// Typed in a hurry: contractions without their apostrophe, and spoken forms, as the words the
// corpus spells out ("im" → "i'm", "gonna" → "going to"). Only spellings that are rarely words.
struct Spelling {
    std::string_view typed, meant;
};
constexpr Spelling spellings[] = {
    {"im", "i'm"},         {"ive", "i've"},         {"id", "i'd"},           {"youre", "you're"},
    {"youve", "you've"},   {"youd", "you'd"},       {"youll", "you'll"},     {"dont", "don't"},
    {"doesnt", "doesn't"}, {"didnt", "didn't"},     {"cant", "can't"},       {"couldnt", "couldn't"},
    {"wouldnt", "wouldn't"}, {"shouldnt", "shouldn't"}, {"isnt", "isn't"},   {"arent", "aren't"},
    {"wasnt", "wasn't"},   {"werent", "weren't"},   {"havent", "haven't"},   {"hasnt", "hasn't"},
    {"thats", "that's"},   {"whats", "what's"},     {"hows", "how's"},       {"theres", "there's"},
    {"theyre", "they're"}, {"lets", "let's"},       {"its", "it's"},         {"itll", "it'll"},
    {"thatll", "that'll"}, {"u", "you"},            {"ur", "your"},          {"ya", "you"},
    {"gonna", "going to"}, {"wanna", "want to"},    {"gotta", "got to"},     {"kinda", "kind of"},
    {"sorta", "sort of"},  {"dunno", "don't know"}, {"cuz", "because"},      {"cos", "because"},
    {"coz", "because"},    {"bc", "because"},       {"r", "are"},       {"ok", "okay"},          {"okey", "okay"},
    {"yeh", "yeah"},       {"yea", "yeah"},         {"mhmm", "mhm"},         {"mmhmm", "mm-hmm"},
};

struct Clause {
    std::size_t begin = 0;  // index of the first word after fillers
    std::size_t end = 0;
};

}  // namespace

std::vector<std::string> tokenize(std::string_view input) {
    const std::string_view text = capped(input, max_utterance_bytes);
    std::vector<std::string> tokens;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        std::string_view meant = word;
        for (const auto& sp : spellings)
            if (sp.typed == word) meant = sp.meant;
        // A spelling may stand for two words ("gonna" → "going to").
        std::size_t start = 0;
        while (start <= meant.size() && tokens.size() < max_tokens) {
            const std::size_t space = meant.find(' ', start);
            tokens.emplace_back(meant.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start));
            if (space == std::string_view::npos) break;
            start = space + 1;
        }
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // U+2018 and U+2019 (curly apostrophes) are apostrophes.
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0x98 || static_cast<unsigned char>(text[i + 2]) == 0x99)) {
            if (!word.empty()) word += '\'';
            i += 2;
            continue;
        }
        if (c == '\'') {
            if (!word.empty()) word += '\'';
            continue;
        }
        if (is_word_byte(c)) {
            word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            continue;
        }
        while (!word.empty() && word.back() == '\'') word.pop_back();
        flush();
        if (c == '?' || c == '.' || c == '!' || c == ';') {
            const std::string mark = c == '?' ? "?" : ".";
            if (!tokens.empty() && tokens.back() != "?" && tokens.back() != "." && tokens.size() < max_tokens)
                tokens.push_back(mark);
            else if (!tokens.empty() && mark == "?")
                tokens.back() = "?";
        }
    }
    while (!word.empty() && word.back() == '\'') word.pop_back();
    flush();
    return tokens;
}

std::vector<std::string> features(std::string_view utterance, const Context& context) {
    const std::vector<std::string> tokens = tokenize(utterance);
    std::vector<std::string> out;
    out.reserve(tokens.size() * 4 + 24);

    // Words: every word, pair and triple (sentence marks included, so "? " ends a question).
    std::size_t words = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool mark = tokens[i] == "?" || tokens[i] == ".";
        if (!mark) {
            ++words;
            out.push_back("w:" + tokens[i]);
        }
        if (i + 1 < tokens.size()) out.push_back("b:" + tokens[i] + " " + tokens[i + 1]);
        if (i + 2 < tokens.size()) out.push_back("t:" + tokens[i] + " " + tokens[i + 1] + " " + tokens[i + 2]);
    }
    if (words == 0) out.push_back("__empty");

    // Clauses: split at sentence marks; the opening words of the first and last after fillers.
    std::vector<Clause> clauses;
    {
        std::size_t start = 0;
        for (std::size_t i = 0; i <= tokens.size(); ++i) {
            if (i == tokens.size() || tokens[i] == "?" || tokens[i] == ".") {
                Clause c{start, i};
                while (c.begin < c.end && is_filler(tokens[c.begin])) {
                    // "like" and "so" open real sentences too; keep the word when nothing follows.
                    if (c.begin + 1 == c.end) break;
                    ++c.begin;
                }
                if (c.begin < c.end) clauses.push_back(c);
                start = i + 1;
            }
        }
    }
    bool question_mark = false, ends_in_question = false;
    for (const auto& t : tokens) question_mark = question_mark || t == "?";
    if (!tokens.empty() && tokens.back() == "?") ends_in_question = true;
    if (question_mark) out.push_back("__qmark");
    if (ends_in_question) out.push_back("__qmark_end");

    auto opening = [&](const Clause& c, const std::string& prefix) {
        out.push_back(prefix + "1:" + tokens[c.begin]);
        if (c.begin + 1 < c.end) out.push_back(prefix + "2:" + tokens[c.begin] + " " + tokens[c.begin + 1]);
        if (c.begin + 2 < c.end)
            out.push_back(prefix + "3:" + tokens[c.begin] + " " + tokens[c.begin + 1] + " " + tokens[c.begin + 2]);
    };
    auto question_form = [&](const Clause& c) -> std::string {
        const std::string& w = tokens[c.begin];
        if (in(wh_words, w)) return "wh";
        if (w == "tell" || w == "describe") return "wh";  // "tell me about", an open request
        if (in(aux_words, w) && c.begin + 1 < c.end && in(subjects, tokens[c.begin + 1])) return "aux";
        return "";
    };
    if (!clauses.empty()) {
        opening(clauses.front(), "s");
        if (clauses.size() > 1) opening(clauses.back(), "e");
        bool any_wh = false, any_aux = false;
        for (const auto& c : clauses) {
            const std::string form = question_form(c);
            any_wh = any_wh || form == "wh";
            any_aux = any_aux || form == "aux";
        }
        if (any_wh) out.push_back("__wh");
        if (any_aux) out.push_back("__aux");
        const std::string last = question_form(clauses.back());
        if (!last.empty()) out.push_back("__last_" + last);
        if (clauses.size() > 1) out.push_back("__clauses_many");
        // A clause that opens with a verb in the imperative, or "just" and one.
        for (const auto& c : clauses) {
            std::size_t at = c.begin;
            if (tokens[at] == "just" && at + 1 < c.end) ++at;
            if (in(imperative_verbs, tokens[at]) && !(at + 1 < c.end && in(subjects, tokens[at + 1]))) {
                out.push_back("__imperative");
                break;
            }
        }
        const std::string& first = tokens[clauses.front().begin];
        if (in(you_words, first)) out.push_back("__you_start");
        if (first == "i" || first == "i'm" || first == "i've" || first == "i'd" || first == "my" || first == "me")
            out.push_back("__i_start");
        if (first == "we" || first == "we'll" || first == "we're" || first == "let's" || first == "our")
            out.push_back("__we_start");
    }
    // Questions answered with a number or a fact: "how many", "how long", "what time".
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const std::string& a = tokens[i];
        const std::string& b = tokens[i + 1];
        if ((a == "how" && (b == "many" || b == "much" || b == "long" || b == "old" || b == "often" || b == "far")) ||
            (a == "what" && (b == "time" || b == "age" || b == "year" || b == "day")) || (a == "which" && b == "one")) {
            out.push_back("__wh_fact");
            break;
        }
    }
    for (const auto& t : tokens)
        if ((t[0] >= '0' && t[0] <= '9') || in(number_words, t)) {
            out.push_back("__number");
            break;
        }
    // Tag questions: "..., right?", "..., is that it?"
    if (ends_in_question && tokens.size() >= 2) {
        const std::string& w = tokens[tokens.size() - 2];
        if (w == "right" || w == "yeah" || w == "okay" || w == "ok" || w == "correct" || w == "it")
            out.push_back("__tag_question");
    }

    // Negation: the words within four after "not", "never", "nobody", "cannot" or a word ending in
    // "n't", up to the end of the sentence, also count as negated ("n:leave" in "I'm not going to
    // leave you"), except for small words (negation_skip). Not "no": "no wonder", "no need to", "no, ..." rarely negate what follows. So
    // "we won't leave you" and "I'm not going anywhere" do not read as leaving, nor "never stop your
    // medication" as advice to stop it. A clinician's cue on top: staying, said in the negative of
    // leaving.
    {
        bool negated_leaving = false;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const std::string& t = tokens[i];
            const bool negator = t == "not" || t == "never" || t == "cannot" || t == "nobody" ||
                                 (t.size() > 3 && t.compare(t.size() - 3, 3, "n't") == 0);
            if (!negator) continue;
            for (std::size_t j = i + 1; j < tokens.size() && j <= i + 4; ++j) {
                const std::string& u = tokens[j];
                if (u == "?" || u == ".") break;
                if (in(negation_skip, u)) continue;  // "you", "to", "the": negated, they say nothing
                out.push_back("n:" + u);
                if (u == "leave" || u == "leaving" || u == "anywhere" || u == "abandon" || u == "alone" || u == "go")
                    negated_leaving = true;
            }
        }
        if (negated_leaving) out.emplace_back("__neg_leave");
    }

    std::string joined = " ";
    for (const auto& t : tokens) joined += t + " ";
    for (const auto& cue : cues)
        if (joined.find(cue.phrase) != std::string::npos) out.emplace_back(cue.feature);

    if (words <= 1) out.push_back("len:1");
    else if (words <= 3) out.push_back("len:2-3");
    else if (words <= 7) out.push_back("len:4-7");
    else if (words <= 15) out.push_back("len:8-15");
    else if (words <= 30) out.push_back("len:16-30");
    else out.push_back("len:31+");

    // Context: the phase, whether the participant just asked something, how much of their words
    // the utterance repeats (simple reflections repeat, complex ones add).
    if (!context.phase.empty()) out.push_back("ph:" + context.phase);
    if (!context.participant.empty()) {
        const std::vector<std::string> said = tokenize(context.participant);
        if (std::find(said.begin(), said.end(), "?") != said.end()) out.push_back("ctx:asked");
        std::size_t content = 0, shared = 0;
        for (const auto& t : tokens) {
            if (t.size() < 4 || t == "that's" || t == "this" || t == "what" || t == "with" || t == "you're") continue;
            ++content;
            if (std::find(said.begin(), said.end(), t) != said.end()) ++shared;
        }
        if (content > 0) {
            const double f = static_cast<double>(shared) / static_cast<double>(content);
            out.push_back(f == 0 ? "ov:none" : f < 0.34 ? "ov:low" : f < 0.67 ? "ov:mid" : "ov:high");
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace holdspace::coder
