// A fixture for the `layers` test: a use case that includes a front end.
#include "app/session.hpp"
#include "ui/app_state.hpp"
