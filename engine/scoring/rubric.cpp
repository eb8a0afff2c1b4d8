#include "scoring/rubric.hpp"

namespace holdspace::scoring {

int points(CodeClass c) {
    switch (c) {
    case CodeClass::unique_essential: return 2;
    case CodeClass::essential: return 1;
    case CodeClass::compatible: return 0;
    case CodeClass::proscribed: return -2;
    }
    return 0;
}

const char* class_name(CodeClass c) {
    switch (c) {
    case CodeClass::unique_essential: return "unique_essential";
    case CodeClass::essential: return "essential";
    case CodeClass::compatible: return "compatible";
    case CodeClass::proscribed: return "proscribed";
    }
    return "compatible";
}

std::optional<CodeClass> class_by_name(const std::string& name) {
    if (name == "unique_essential") return CodeClass::unique_essential;
    if (name == "essential") return CodeClass::essential;
    if (name == "compatible") return CodeClass::compatible;
    if (name == "proscribed") return CodeClass::proscribed;
    return std::nullopt;
}

const Domain* Rubric::domain(const std::string& domain_id) const {
    for (const auto& d : domains)
        if (d.id == domain_id) return &d;
    return nullptr;
}

}  // namespace holdspace::scoring
