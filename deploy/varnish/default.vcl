vcl 4.1;

# Varnish in front of Newsroom (docs/deploy.md, "Behind a CDN"). Run Newsroom with
#   CDN=varnish VARNISH_URLS=http://127.0.0.1:6081
# so that its public pages say how long Varnish may keep them (never past the next embargo
# lift) and so that it purges them, with a BAN, on every change: a release saved, withdrawn or
# taken down, the settings. test/cdn/varnish.test.ts runs this file, as it is, in front of a
# test server (only the backend's port is changed).

backend newsroom {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the Newsroom servers. Add their addresses if they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        if (!req.http.X-Purge-Key || req.http.X-Purge-Key !~ "^[a-z0-9-]+$") {
            return (synth(400, "X-Purge-Key must name a surrogate key"));
        }
        # Everything that carries the key: each public page and picture Newsroom let us keep.
        ban("obj.http.Surrogate-Key ~ (^|\s)" + req.http.X-Purge-Key + "(\s|$)");
        return (synth(200, "Purged"));
    }
    # Staff and anything but reading go straight to Newsroom: the admin, the API, the
    # journalists' preview links, forms, and whoever is signed in.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Public pictures are served under /api/media/file/ and may be kept (Newsroom says which).
    if (req.url ~ "^/(admin|api|preview|live-preview|_next)(/|\?|$)" && req.url !~ "^/api/media/file/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)payload-token=") {
        return (pass);
    }
    # No public page depends on a reader's cookies: without them, one copy serves everyone.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Newsroom says how long (s-maxage, stale-while-revalidate): pages it must be asked about
    # each time say no-cache or no-store, which Varnish's built-in rules do not keep.
    if (beresp.http.Cache-Control !~ "s-maxage" && beresp.http.Cache-Control !~ "max-age=[1-9]") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for purging here; readers have no use for them.
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}
