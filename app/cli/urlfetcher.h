#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QUrl>

namespace Gloss::Cli {

/// A fetched page: the body bytes, the final URL after redirects, and the Content-Type header.
struct FetchedPage
{
    QByteArray bytes;
    QUrl url;
    QString contentType;
};

/// Fetches an http(s) URL synchronously (redirects followed, 30 s timeout, at most Extractor::maxInputBytes).
/// Errors: no network / host not found, HTTP errors (status shown), timeout, too large.
Core::Result<FetchedPage> fetchUrl(const QUrl &url);

} // namespace Gloss::Cli
