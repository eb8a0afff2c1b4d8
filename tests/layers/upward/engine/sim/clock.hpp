#pragma once
// A fixture for the `layers` test: the core reaching up into the use cases.
#include "app/practice.hpp"
