#include "drill/schedule.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

namespace holdspace::drill {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
Day days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(Day z, std::int64_t& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = yoe + era * 400 + (m <= 2);
}

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

Day floor_div(Time t, Time by) { return t >= 0 ? t / by : -((-t + by - 1) / by); }

}  // namespace

std::optional<Time> parse_utc(std::string_view s) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        return std::nullopt;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, mo) || !digits(s, 8, 2, d) || !digits(s, 11, 2, h) ||
        !digits(s, 14, 2, mi) || !digits(s, 17, 2, se))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return std::nullopt;
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
}

std::string format_day(Day day) {
    std::int64_t y = 0;
    int m = 0, d = 0;
    civil_from_days(day, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(y), m, d);
    return buf;
}

std::string format_utc(Time t) {
    const Time s = t - day_of(t) * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                  static_cast<int>(s % 60));
    return format_day(day_of(t)) + buf;
}

Day day_of(Time t) { return floor_div(t, 86400); }

// 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
Day week_of(Day day) { return day - (((day + 3) % 7) + 7) % 7; }

Outcome outcome_of(const std::string& judgement, double score) {
    if (judgement == "expert" || judgement == "good" || judgement == "helpful") return Outcome::good;
    if (judgement == "acceptable") return Outcome::fair;
    if (judgement == "poor" || judgement == "harmful") return Outcome::poor;
    return score >= 75 ? Outcome::good : score >= 40 ? Outcome::fair : Outcome::poor;
}

const char* outcome_name(Outcome outcome) {
    switch (outcome) {
    case Outcome::poor: return "poor";
    case Outcome::fair: return "fair";
    case Outcome::good: return "good";
    }
    return "";
}

namespace {

// Calls fn(attempt) for the attempts that count: each drill's first answer on a day.
template <typename Fn>
void each_counted(const std::vector<Attempt>& history, Fn&& fn) {
    std::set<std::pair<std::string, Day>> seen;
    for (const auto& a : history)
        if (seen.emplace(a.drill, day_of(a.at)).second) fn(a);
}

}  // namespace

std::map<std::string, DrillStatus> drill_status(const std::vector<Attempt>& history) {
    std::map<std::string, DrillStatus> status;
    for (const auto& a : history) ++status[a.drill].attempts;
    each_counted(history, [&](const Attempt& a) {
        DrillStatus& s = status[a.drill];
        const Outcome o = outcome_of(a.judgement, a.score);
        if (s.box == 0) s.box = o == Outcome::good ? 2 : 1;
        else if (o == Outcome::good) s.box = std::min(s.box + 1, box_count);
        else if (o == Outcome::poor) s.box = 1;
        ++s.counted;
        s.last = o;
        s.last_score = a.score;
        s.last_day = day_of(a.at);
        s.due = s.last_day + interval_days[s.box - 1];
    });
    return status;
}

namespace {

bool matches(const Drill& d, const DailyOptions& options) {
    return (!options.level || d.level == *options.level) && (!options.domain || d.domain == *options.domain);
}

}  // namespace

Level trainee_level(const std::vector<Drill>& catalogue, const std::vector<Attempt>& history) {
    const auto status = drill_status(history);
    for (const Level level : {Level::beginner, Level::intermediate}) {
        int total = 0, learned = 0;
        for (const auto& d : catalogue) {
            if (d.level != level) continue;
            ++total;
            const auto it = status.find(d.id);
            if (it != status.end() && it->second.box >= 2) ++learned;
        }
        if (total > 0 && 3 * learned < 2 * total) return level;
    }
    return Level::advanced;
}

std::vector<Pick> daily_set(const std::vector<Drill>& catalogue, const std::vector<Attempt>& history, Time now,
                            const DailyOptions& options) {
    const Day today = day_of(now);
    const auto status = drill_status(history);
    std::vector<const Drill*> pool;
    for (const auto& d : catalogue)
        if (matches(d, options)) pool.push_back(&d);

    // What was already drilled today uses up the day's count.
    std::set<std::string> done_today;
    for (const auto& a : history)
        if (day_of(a.at) == today) done_today.insert(a.drill);
    int room = options.count - static_cast<int>(done_today.size());
    std::vector<Pick> picks;
    if (room <= 0) return picks;

    std::vector<std::pair<const Drill*, const DrillStatus*>> due;
    for (std::size_t i = 0; i < pool.size(); ++i) {
        const auto it = status.find(pool[i]->id);
        if (it != status.end() && it->second.is_due(today) && !done_today.count(pool[i]->id))
            due.emplace_back(pool[i], &it->second);
    }
    std::stable_sort(due.begin(), due.end(), [](const auto& a, const auto& b) {
        return std::tuple(a.second->box, a.second->last_score, a.second->due) <
               std::tuple(b.second->box, b.second->last_score, b.second->due);
    });
    for (const auto& [d, s] : due) {
        if (room == 0) break;
        picks.push_back({d->id, true, s->box});
        --room;
    }

    // New drills: the trainee's level, then what is left unseen below it, then the levels above.
    std::vector<Drill> filtered;
    for (const auto* d : pool) filtered.push_back(*d);
    const int from = static_cast<int>(options.level ? *options.level : trainee_level(filtered, history));
    std::vector<int> order = {from};
    if (!options.level) {
        for (int level = from - 1; level >= 0; --level) order.push_back(level);
        for (int level = from + 1; level <= static_cast<int>(Level::advanced); ++level) order.push_back(level);
    }
    for (const int level : order)
        for (const auto* d : pool) {
            if (room == 0) break;
            if (static_cast<int>(d->level) != level || status.count(d->id)) continue;
            picks.push_back({d->id, false, 0});
            --room;
        }
    return picks;
}

std::vector<ProgressPoint> progress(const std::vector<Attempt>& history, Period period) {
    std::map<std::pair<std::string, Day>, std::pair<int, double>> sums;
    each_counted(history, [&](const Attempt& a) {
        const Day day = day_of(a.at);
        auto& [n, total] = sums[{a.domain, period == Period::week ? week_of(day) : day}];
        ++n;
        total += a.score;
    });
    std::vector<ProgressPoint> out;
    for (const auto& [key, value] : sums)
        out.push_back({key.first, key.second, value.first, value.second / value.first});
    return out;
}

}  // namespace holdspace::drill
