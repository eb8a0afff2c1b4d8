#pragma once
// Checks on what the command line brings in, as CLI11 validators: a value that fails is a usage
// error (exit 2) with a one-line reason that never quotes the bad bytes. Trainee ids, authors,
// notes and reasons are text that ends up in the record store, reports and xAPI statements, so it
// is checked where it enters (records/text.hpp has the rules); seeds and ids are whole numbers in
// range, never wrapped around.
#include "records/text.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>

namespace holdspace::cli {

// Text under `rule`, named `what` in the error ("trainee id: must not be empty").
CLI::Validator text_check(const std::string& what, records::TextRule rule);

// A seed: a whole number from 0 to 2^63-1 (the store keeps it as a signed 64-bit integer, so a
// larger one would come back different and break resume and reports). "-1" is refused, not wrapped.
CLI::Validator seed_check();

// A record id (session, moment): a whole number from 1 up.
CLI::Validator id_check();

// A supervisor's score for a moment: a finite number from 0 to 100 ("nan" is refused).
CLI::Validator score_check();

// An IRI prefix for xAPI statements (records::xapi_base_problem).
CLI::Validator xapi_base_check();

}  // namespace holdspace::cli
