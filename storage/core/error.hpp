// What storage/ throws for failures that are not domain outcomes (I/O errors,
// a corrupt or too-new database, an unknown enum text). The message is meant
// for the operator. No SQLite exception leaves storage/.
#pragma once

#include <stdexcept>

namespace praxis::storage {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace praxis::storage
