// The one translation unit that compiles Boost.Asio, Asio's SSL support and
// Beast (BOOST_*_SEPARATE_COMPILATION is set on every user of this library).
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
