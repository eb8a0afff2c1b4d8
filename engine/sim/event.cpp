#include "sim/event.hpp"

#include <array>
#include <type_traits>
#include <utility>

namespace holdspace {

Json option_json(const Option& o) {
    Json j = Json::object();
    auto& fields = j.get_ref<Json::object_t&>();
    fields.reserve(6);
    fields.emplace_back("id", o.id);
    if (!o.text.empty()) fields.emplace_back("text", o.text);
    if (!o.action.empty()) fields.emplace_back("action", o.action);
    fields.emplace_back("codes", o.codes);
    if (o.expert) fields.emplace_back("expert", true);
    if (!o.rationale.empty()) fields.emplace_back("rationale", o.rationale);
    return j;
}

std::size_t text_bytes(const Json& j) {
    switch (j.type()) {
    case Json::value_t::string: return j.get_ref<const std::string&>().size();
    case Json::value_t::array: {
        std::size_t n = 8;
        for (const auto& v : j.get_ref<const Json::array_t&>()) n += text_bytes(v);
        return n;
    }
    case Json::value_t::object: {  // (the fields themselves: items() costs a proxy per field)
        std::size_t n = 8;
        for (const auto& [k, v] : j.get_ref<const Json::object_t&>()) n += k.size() + text_bytes(v);
        return n;
    }
    default: return 8;
    }
}

namespace {

// text_bytes(option_json(o)), without making it: 8 for the object and for each value that is no
// string, and the keys' and the strings' bytes.
std::size_t option_bytes(const Option& o) {
    const auto field = [](std::size_t key, const std::string& value) { return value.empty() ? 0 : key + value.size(); };
    std::size_t n = 8 + 2 + o.id.size() + field(4, o.text) + field(6, o.action) + field(9, o.rationale);
    n += 5 + 8;  // "codes" and its list
    for (const auto& code : o.codes) n += code.size();
    if (o.expert) n += 6 + 8;
    return n;
}

// The data an unmade event stands for, field by field as the session once made it at once.
Json unmade_json(const Event& e) {
    Json j = Json::object();
    auto& fields = j.get_ref<Json::object_t&>();
    const Unmade& unmade = e.unmade;
    if (const auto* said = std::get_if<SaidLine>(&unmade)) {
        fields.reserve(3);
        fields.emplace_back("speaker", said->speaker);
        fields.emplace_back("text", said->text);
        fields.emplace_back("affect", said->affect);
    } else if (const auto* state = std::get_if<StateReadings>(&unmade)) {
        fields.reserve(7);
        fields.emplace_back("cause", state->cause);
        constexpr std::array<const char*, 5> names{"distress", "arousal", "trust", "inward_focus", "dissociation"};
        for (std::size_t i = 0; i < names.size(); ++i) fields.emplace_back(names[i], state->values[i]);
        fields.emplace_back("window", state->window);
    } else if (std::holds_alternative<ChoiceFields>(unmade) && e.offered) {
        const Choice& c = *e.offered;
        fields.reserve(3);
        if (!c.moment.empty()) fields.emplace_back("moment", c.moment);
        if (!c.prompt.empty()) fields.emplace_back("prompt", c.prompt);
        if (!c.flags.empty()) fields.emplace_back("flags", c.flags);
    } else if (const auto* taken = std::get_if<OptionTaken>(&unmade)) {
        fields.reserve(4);
        fields.emplace_back("option", taken->option->id);
        if (!taken->option->text.empty()) fields.emplace_back("text", taken->option->text);
        if (!taken->action.empty()) fields.emplace_back("action", taken->action);
        fields.emplace_back("codes", taken->option->codes);
    }
    return j;
}

// text_bytes(unmade_json(e)), without making it.
std::size_t unmade_bytes(const Event& e) {
    const Unmade& unmade = e.unmade;
    std::size_t n = 8;  // the object
    const auto field = [](std::size_t key, const std::string& value) { return value.empty() ? 0 : key + value.size(); };
    if (const auto* said = std::get_if<SaidLine>(&unmade)) {
        n += 7 + said->speaker.size() + 4 + said->text.size() + 6 + said->affect.size();
    } else if (const auto* state = std::get_if<StateReadings>(&unmade)) {
        n += 5 + state->cause.size() + 8 + 7 + 5 + 12 + 12 + 5 * 8 + 6 + state->window.size();
    } else if (std::holds_alternative<ChoiceFields>(unmade) && e.offered) {
        const Choice& c = *e.offered;
        n += field(6, c.moment) + field(6, c.prompt);
        if (!c.flags.empty()) {
            n += 5 + 8;  // "flags" and its list
            for (const auto& flag : c.flags) n += flag.size();
        }
    } else if (const auto* taken = std::get_if<OptionTaken>(&unmade)) {
        const Option& o = *taken->option;
        n += 6 + o.id.size() + field(4, o.text) + (taken->action.empty() ? 0 : 6 + taken->action.size());
        n += 5 + 8;  // "codes" and its list
        for (const auto& code : o.codes) n += code.size();
    }
    return n;
}

}  // namespace

std::string_view Event::text() const {
    if (const SaidLine* line = said()) return line->text;
    if (!data.is_object()) return {};
    const auto it = data.find("text");
    return it != data.end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>()) : std::string_view();
}

void make_data(Event& e) {
    if (e.made()) return;
    e.data = unmade_json(e);
    e.unmade = {};
}

std::size_t Event::text_bytes() const {
    std::size_t n = type.size() + (made() ? holdspace::text_bytes(data) : unmade_bytes(*this));
    if (offered) {
        n += 7 + 8;  // "options" and its list
        for (const auto& o : offered->options) n += option_bytes(o);
    }
    return n;
}

Json minutes_json(Seconds at) {
    if (at % 60 == 0) return Json(at / 60);
    return Json(static_cast<double>(at) / 60.0);
}

namespace {

// Deeper than an event goes, the rest is left to Json's destructor, which needs no stack of calls.
constexpr int release_depth = 16;

void release(Json& j, int depth) {
    if (depth > release_depth) return;
    if (j.is_object()) {
        auto& fields = j.get_ref<Json::object_t&>();
        for (auto& field : fields)
            if (field.second.is_structured()) release(field.second, depth + 1);
        fields.clear();  // each is now a scalar, a string or (past the depth) left to the destructor
    } else if (j.is_array()) {
        auto& items = j.get_ref<Json::array_t&>();
        for (auto& item : items)
            if (item.is_structured()) release(item, depth + 1);
        items.clear();
    }
    j = nullptr;  // an empty object or array is freed without the stack
}

}  // namespace

void release(Json& j) { release(j, 0); }

void release(std::vector<Event>& events) {
    for (auto& e : events) release(e.data);
    events.clear();
}

namespace {

// {"type", "t", ...data, "options"} built field by field: data's keys are already distinct, so
// only a "type" or "t" among them needs looking up (it replaces the one written first, in place).
// `Fields` is data's object, const (copied from) or not (moved from); `offered`, a choice event's.
template <class Fields>
Json event_json(const std::string& type, Seconds at, Fields& data, const Choice* offered) {
    constexpr bool take = !std::is_const_v<Fields>;
    Json j = Json::object();
    auto& fields = j.get_ref<Json::object_t&>();
    fields.reserve(data.size() + 2 + (offered ? 1 : 0));
    fields.emplace_back("type", type);
    fields.emplace_back("t", minutes_json(at));
    for (auto& [key, value] : data) {
        if (key == "type" || key == "t") {
            if constexpr (take) j[key] = std::move(value); else j[key] = value;
        } else {
            if constexpr (take) fields.emplace_back(key, std::move(value)); else fields.emplace_back(key, value);
        }
    }
    if (offered) {
        Json options = Json::array();
        options.get_ref<Json::array_t&>().reserve(offered->options.size());
        for (const auto& o : offered->options) options.push_back(option_json(o));
        j["options"] = std::move(options);
    }
    return j;
}

const Json::object_t no_fields;

}  // namespace

Json Event::to_json() const {
    if (!made()) {
        const Json made_data = unmade_json(*this);
        return event_json(type, at, made_data.get_ref<const Json::object_t&>(), offered.get());
    }
    return event_json(type, at, data.is_object() ? data.get_ref<const Json::object_t&>() : no_fields, offered.get());
}

Json transcript_json(const std::vector<Event>& events) {
    Json list = Json::array();
    auto& items = list.get_ref<Json::array_t&>();
    items.reserve(events.size());
    for (const auto& e : events) items.push_back(e.to_json());
    return list;
}

Json transcript_json(std::vector<Event>&& events) {
    Json list = Json::array();
    auto& items = list.get_ref<Json::array_t&>();
    items.reserve(events.size());
    for (auto& e : events) {
        make_data(e);
        items.push_back(e.data.is_object() ? event_json(e.type, e.at, e.data.get_ref<Json::object_t&>(), e.offered.get())
                                           : e.to_json());
    }
    events.clear();
    return list;
}

}  // namespace holdspace
