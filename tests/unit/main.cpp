// The one Catch2 main for every unit test file in tests/unit/.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
