package api

import _ "example.com/m/libs/greet"
