=== TEST 1: a static file with its type and length
--- config
location / { root html; }
--- user_files
>>> html/hello.txt
hello file
--- request
GET /hello.txt
--- response_body
hello file
--- response_headers
Content-Type: text/plain
Content-Length: 11

=== TEST 2: index file for a directory
--- config
location / { root html; index index.html; }
--- user_files
>>> html/dir/index.html
<p>index</p>
--- request
GET /dir/
--- response_body
<p>index</p>
--- response_headers
Content-Type: text/html

=== TEST 3: a directory without a slash redirects, absolute as absolute_redirect says
--- config
location / { root html; }
--- user_files
>>> html/dir/index.html
x
--- request
GET /dir
--- more_headers
Host: example.test
--- error_code: 301
--- response_headers
Location: http://example.test:$TEST_NGINX_SERVER_PORT/dir/

=== TEST 4: a directory without index is forbidden
--- config
location / { root html; }
--- user_files
>>> html/empty/.keep
x
--- request
GET /empty/
--- error_code: 403

=== TEST 5: a missing file is 404
--- config
location / { root html; }
--- request
GET /nope.txt
--- error_code: 404
--- response_body_like: 404 Not Found

=== TEST 6: alias replaces the location prefix
--- http_config
types { application/json json; }
--- config
location /files/ { alias data/; }
--- user_files
>>> data/a.json
{"a":1}
--- request
GET /files/a.json
--- response_body
{"a":1}
--- response_headers
Content-Type: application/json

=== TEST 7: unknown extensions get default_type
--- config
default_type application/x-test;
location / { root html; }
--- user_files
>>> html/file.unknownext
data
--- request
GET /file.unknownext
--- response_headers
Content-Type: application/x-test

=== TEST 8: If-Modified-Since is compared exactly (if_modified_since exact), a later date gives the file
--- config
location / { root html; }
--- user_files
>>> html/c.txt
cached
--- request
GET /c.txt
--- more_headers
If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT
--- response_body
cached

=== TEST 9: POST to a static file is not allowed
--- config
location / { root html; }
--- user_files
>>> html/p.txt
x
--- request
POST /p.txt
--- error_code: 405

=== TEST 10: dot-dot cannot climb out of root
--- config
location / { root html; }
--- raw_request
GET /../../etc/passwd HTTP/1.1
Host: localhost
Connection: close

--- error_code: 400

=== TEST 11: types block replaces the built-in table
--- http_config
types { text/x-custom txt; }
--- config
location / { root html; }
--- user_files
>>> html/t.txt
x
--- request
GET /t.txt
--- response_headers
Content-Type: text/x-custom
