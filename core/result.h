#pragma once

#include <QString>

#include <expected>

namespace Gloss::Core {

/// What went wrong, as a message a user can read. `code` follows the CLI convention of DESIGN.md:
/// 1 = user error (bad input, not found, ambiguous), 2 = usage, 3+ = internal or I/O failure.
struct Error
{
    enum Code { User = 1, Usage = 2, Internal = 3, Io = 4, Storage = 5 };

    QString message;
    int code = User;
};

/// The value, or an Error. No exceptions cross the core API (STYLE.md, "Errors").
template<typename T>
using Result = std::expected<T, Error>;

/// Shorthand for the error branch: `return fail(u"No article %1"_s.arg(id));`
inline std::unexpected<Error> fail(QString message, int code = Error::User)
{
    return std::unexpected<Error>(Error{std::move(message), code});
}

} // namespace Gloss::Core
