// Pulling sessions, notes and overrides from a learning record store (pull.hpp).
#include "app/pull.hpp"

#include "app/library.hpp"
#include "app/practice.hpp"
#include "app/scenario_digest.hpp"
#include "records/bounded_json.hpp"
#include "records/report.hpp"
#include "records/text.hpp"
#include "scoring/scorer.hpp"

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace holdspace::app {
namespace {

const std::string completed_verb = "http://adlnet.gov/expapi/verbs/completed";
const std::string commented_verb = "http://adlnet.gov/expapi/verbs/commented";
constexpr std::size_t max_actions = 100'000;
constexpr std::size_t max_action_bytes = 8192;

// Safe steps into JSON from outside: a missing key or a value of another type is nothing.
const Json* at(const Json* j, const std::string& key) {
    return j && j->is_object() && j->contains(key) ? &(*j)[key] : nullptr;
}
std::string text(const Json* j) { return j && j->is_string() ? j->get<std::string>() : std::string(); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class Puller {
public:
    Puller(records::Store& store, records::StatementSource& lrs, const PullOptions& options)
        : store_(store), lrs_(lrs), options_(options) {
        // Every finished session here by its completed statement: the trainee's own (its id is
        // deterministic) and those pulled before.
        for (const auto& row : store_.sessions()) {
            if (row.status != "finished") continue;
            sessions_[row.pulled() ? row.statement_id
                                   : records::completed_statement_id(row.trainee, row.scenario_id, row.started_at, row.id)] =
                row.id;
        }
    }

    PullResult run() {
        stream(options_.trainee.empty() ? "completed" : "completed:" + options_.trainee, completed_verb,
               [this](const Json& st) { session_statement(st); });
        // Notes and overrides after the sessions they refer to (a supervisor's pull of a session and
        // of the notes on it in one go).
        if (result_.error.empty()) stream("commented", commented_verb, [this](const Json& st) { supervision_statement(st); });
        return result_;
    }

private:
    // One stream of statements (a verb), oldest first, page by page from where the last pull stopped.
    void stream(const std::string& name, const std::string& verb, const std::function<void(const Json&)>& handle) {
        std::string since = options_.since.empty() ? store_.pull_cursor(options_.lrs, name) : options_.since;
        std::string query = "verb=" + records::percent_encode(verb) + "&ascending=true&limit=" +
                            std::to_string(options_.page_size);
        if (!since.empty()) query += "&since=" + records::percent_encode(since);
        if (verb == completed_verb && !options_.trainee.empty()) {
            const Json agent = {{"objectType", "Agent"},
                                {"account", {{"homePage", options_.base + "/trainees"}, {"name", options_.trainee}}}};
            query += "&agent=" + records::percent_encode(agent.dump());
        }
        std::set<std::string> followed;
        std::string more;
        for (int page = 0;; ++page) {
            if (page >= options_.max_pages) {
                result_.error = "the LRS had more than " + std::to_string(options_.max_pages) +
                                " pages of statements for one pull; pull again to go on";
                return;
            }
            const records::LrsResponse response = more.empty() ? lrs_.query_statements(query) : lrs_.more_statements(more);
            ++result_.pages;
            if (!response.ok()) {
                result_.error = response.too_large ? "the LRS answered a page larger than this program reads; "
                                                     "ask for fewer statements a page"
                                                   : "the LRS answered " + response.describe();
                return;
            }
            Json body;
            try {
                body = records::parse_bounded(response.body, records::json_max_depth, response.body.size() + 1);
            } catch (const records::BoundedJsonError& e) {
                result_.error = std::string("the LRS's answer is not a statement result: ") + e.what();
                return;
            }
            const Json* statements = at(&body, "statements");
            if (!statements || !statements->is_array()) {
                result_.error = "the LRS's answer is not a statement result (no 'statements' list)";
                return;
            }
            for (const auto& st : *statements) {
                if (!st.is_object()) continue;
                handle(st);
                const std::string stored = text(at(&st, "stored"));
                if (!stored.empty() && stored > since && records::text_problem("stored", stored, records::note_rule) == std::nullopt) {
                    since = stored;
                    store_.set_pull_cursor(options_.lrs, name, since);
                }
            }
            if (options_.progress)
                options_.progress(name + ": page " + std::to_string(page + 1) + ", " + std::to_string(statements->size()) +
                                  " statements; " + std::to_string(result_.sessions) + " sessions, " +
                                  std::to_string(result_.notes) + " notes so far");
            more = text(at(&body, "more"));
            if (more.empty()) return;
            if (!followed.insert(more).second) {
                result_.error = "the LRS's 'more' link leads back to a page already read: " + records::printable(more, 120);
                return;
            }
        }
    }

    void skip(const std::string& statement, const std::string& trainee, const std::string& scenario, const std::string& why) {
        result_.skipped.push_back({records::printable(statement, 60), records::printable(trainee, 80),
                                   records::printable(scenario, 80), why});
    }

    // This machine's scenarios by id, read once.
    const std::string* scenario_path(const std::string& id) {
        if (!scanned_) {
            scanned_ = true;
            for (const auto& root : options_.scenario_roots)
                for (const auto& entry : scan_library(root))
                    if (entry.error.empty() && !paths_.count(entry.id)) paths_[entry.id] = entry.path;
        }
        const auto it = paths_.find(id);
        return it == paths_.end() ? nullptr : &it->second;
    }

    void session_statement(const Json& st) {
        const std::string id = text(at(&st, "id"));
        const Json* replay = at(at(&st, "context"), "extensions");
        replay = at(replay, records::replay_extension(options_.base));
        if (id.empty() || !replay || !replay->is_object()) return;  // not a Holdspace session of this base
        const std::string trainee = text(at(at(at(&st, "actor"), "account"), "name"));
        const std::string scenario = text(at(replay, "scenario"));
        if (!options_.trainee.empty() && trainee != options_.trainee) return;
        if (sessions_.count(id)) {
            ++result_.already;
            return;
        }
        if (records::text_problem("trainee id", trainee, records::trainee_rule) || trainee.empty()) {
            skip(id, trainee, scenario, "its trainee id is not one Holdspace records");
            return;
        }
        // What rebuilds it, checked before anything is run.
        const Json* seed = at(replay, "seed");
        const Json* actions = at(replay, "actions");
        const std::string digest = text(at(replay, "digest"));
        const std::string rubric = text(at(replay, "rubric"));
        if (scenario.empty() || !seed || !seed->is_number_unsigned() || !actions || !actions->is_array() ||
            actions->size() > max_actions) {
            skip(id, trainee, scenario, "its replay extension is incomplete or malformed");
            return;
        }
        std::vector<std::string> moves;
        for (const auto& a : *actions) {
            if (!a.is_string() || a.get<std::string>().size() > max_action_bytes) {
                skip(id, trainee, scenario, "its actions are malformed");
                return;
            }
            moves.push_back(a.get<std::string>());
        }
        const std::string* path = scenario_path(scenario);
        if (!path) {
            skip(id, trainee, scenario, "scenario '" + records::printable(scenario, 80) + "' is not in the local library");
            return;
        }
        const std::string here = scenario_digest(read_file(*path), *path);
        if (here != digest) {
            skip(id, trainee, scenario,
                 "the scenario here differs from the one played (" + *path + "): not rescored; the session stays in the LRS");
            return;
        }
        PracticeConfig config;
        config.scenario_path = *path;
        config.seed = seed->get<std::uint64_t>();
        config.actions = moves;
        if (!rubric.empty()) config.rubrics = {rubric};
        PracticeSession practice(config);
        if (!practice.ok() || practice.replay_failed_at() || !practice.session().over() || practice.session().failure()) {
            skip(id, trainee, scenario, "it does not replay to its end here" +
                                            (practice.replay_note().empty() ? std::string() : " (" + practice.replay_note() + ")"));
            return;
        }
        const auto& scores = practice.scores();
        const Json* raw = at(at(at(&st, "result"), "score"), "raw");
        const Json* success = at(at(&st, "result"), "success");
        if (scores.empty() || !raw || !raw->is_number() || std::fabs(scores.front().overall - raw->get<double>()) > 0.05 ||
            (success && success->is_boolean() && success->get<bool>() != scores.front().pass)) {
            std::ostringstream why;
            why << "it does not replay identically (";
            if (scores.empty()) why << "no score here";
            else why << "scored " << scores.front().overall << " here";
            if (raw && raw->is_number()) why << ", " << raw->get<double>() << " when played";
            why << ")";
            skip(id, trainee, scenario, why.str());
            return;
        }
        records::Store::Imported in;
        in.trainee = trainee;
        in.scenario_path = *path;
        in.scenario_id = scenario;
        in.digest = digest;
        in.seed = config.seed;
        in.started_at = text(at(&st, "timestamp"));
        if (records::text_problem("timestamp", in.started_at, records::note_rule)) in.started_at.clear();
        in.actions = moves;
        in.events = transcript_json(practice.session().events());
        in.rubric = scores.front().rubric_id;
        in.overall = scores.front().overall;
        in.score = scoring::score_json(scores.front());
        in.source = "lrs:" + id;
        in.pulled_from = options_.lrs;
        in.pulled_at = records::utc_now();
        in.statement_id = id;
        if (const auto stored = store_.import_session(in)) {
            sessions_[id] = *stored;
            ++result_.sessions;
        } else {
            ++result_.already;
        }
    }

    void supervision_statement(const Json& st) {
        const std::string id = text(at(&st, "id"));
        const std::string ref = text(at(at(at(&st, "context"), "statement"), "id"));
        const Json* extension = at(at(at(&st, "context"), "extensions"), records::supervision_extension(options_.base));
        if (id.empty() || ref.empty() || !extension) return;  // not a Holdspace note of this base
        const auto session = sessions_.find(ref);
        if (session == sessions_.end()) return;  // on a session not here
        if (store_.has_supervision_statement(id)) {
            ++result_.already;
            return;
        }
        const std::string kind = text(at(extension, "kind"));
        const Json* event = at(extension, "event");
        const Json* score = at(extension, "score");
        const Json* account = at(at(&st, "actor"), "account");
        const std::string author = account ? text(at(account, "name")) : text(at(at(&st, "actor"), "name"));
        const std::string words = text(at(at(&st, "result"), "response"));
        std::string created = text(at(&st, "timestamp"));
        if (records::text_problem("timestamp", created, records::note_rule)) created.clear();
        const auto row = store_.session(session->second);
        const std::size_t events = store_.events(session->second).size();
        if ((kind != "note" && kind != "override") || !event || !event->is_number_unsigned() ||
            event->get<std::uint64_t>() >= events || (kind == "override" && (!score || !score->is_number()))) {
            skip(id, row ? row->trainee : "", row ? row->scenario_id : "", "a note or override that is malformed");
            return;
        }
        try {
            const int index = static_cast<int>(event->get<std::uint64_t>());
            if (kind == "note") store_.annotate(session->second, index, author, words, id, created);
            else store_.override_score(session->second, index, score->get<double>(), author, words, id, created);
            ++result_.notes;
        } catch (const records::StoreBusy&) {
            throw;
        } catch (const records::StoreError& e) {
            skip(id, row ? row->trainee : "", row ? row->scenario_id : "", records::printable(e.what(), 200));
        }
    }

    records::Store& store_;
    records::StatementSource& lrs_;
    const PullOptions& options_;
    PullResult result_;
    std::map<std::string, std::int64_t> sessions_;  // by completed statement id
    std::map<std::string, std::string> paths_;
    bool scanned_ = false;
};

}  // namespace

PullResult pull(records::Store& store, records::StatementSource& lrs, const PullOptions& options) {
    return Puller(store, lrs, options).run();
}

int queue_supervision(records::Store& store, const records::SessionRow& row, const std::string& base) {
    if (!row.pulled() || row.statement_id.empty()) return 0;  // only a pulled session's LRS knows it
    Json statements = Json::array();
    auto carry = [&](bool note, std::int64_t id, records::Supervision s) {
        const Json st = records::supervision_statement(s, base);
        store.set_supervision_statement(note, id, st["id"].get<std::string>());
        statements.push_back(st);
    };
    // A note or override made here has no statement yet; one pulled in has the one that brought it.
    for (const auto& n : store.annotations(row.id))
        if (n.statement_id.empty())
            carry(true, n.id, {row.statement_id, n.event_index, n.author, n.text, n.created_at, std::nullopt});
    for (const auto& o : store.overrides(row.id))
        if (o.statement_id.empty())
            carry(false, o.id, {row.statement_id, o.event_index, o.author, o.reason, o.created_at, o.score});
    return statements.empty() ? 0 : store.queue_statements(row.id, statements);
}

}  // namespace holdspace::app
