-- The user's controller module, written for lua-resty-dynacode: it sets the library up,
-- listens to its events, and is hooked into every phase by nginx.conf.
local dyna_controller = require "resty.dynacode.controller"
local controller = {}

local ok, setup_err = dyna_controller.setup({
  plugin_api_uri = "http://127.0.0.1:9090/response.json",
  plugin_api_polling_interval = 5,
  plugin_api_poll_at_init = true,
  workers_max_jitter = 1,
  shm = "cache_dict",
})

if not ok then
  ngx.log(ngx.ERR, string.format("error during the setup err=%s", setup_err))
end

function controller.logger(msg)
  ngx.log(ngx.NOTICE, string.format("[controller worker_pid=%d phase=%s] %s", ngx.worker.pid(), ngx.get_phase(), msg))
end

local events = dyna_controller.events

events.on(events.BG_UPDATED_PLUGINS, function()
  controller.logger("updated plugins")
end)

events.on(events.BG_COMPILE_ERROR, function(plugin, err)
  controller.logger(string.format("compile error %s err=%s", plugin.name, err))
end)

events.on(events.BG_FETCH_API_GENERIC_ERROR, function(err)
  controller.logger(string.format("api err=%s", err))
end)

events.on(events.RT_PLUGINS_ERROR, function(plugin, err)
  controller.logger(string.format("error while running %s err=%s", plugin.name, err))
end)

local counted = {
  events.BG_CACHE_HIT, events.BG_CACHE_MISS, events.BG_FETCH_API_SUCCESS,
  events.BG_FETCH_API_STATUS_CODE_ERROR, events.BG_FETCH_API_GENERIC_ERROR,
  events.BG_COMPILE_ERROR, events.BG_COMPILE_SUCCESS, events.BG_UPDATED_PLUGINS,
  events.BG_DIDNT_UPDATE_PLUGINS, events.RT_PLUGINS_STARTING, events.RT_PLUGINS_DONE,
  events.RT_PLUGINS_ERROR, events.ON_ERROR,
}

local metrics = ngx.shared.metrics_dict
for _, event in ipairs(counted) do
  events.on(event, function()
    metrics:incr(event, 1, 0)
  end)
end

function controller.render_metrics()
  local results = {}
  for _, event in ipairs(counted) do
    results[event] = metrics:get(event)
  end
  ngx.say(require("cjson").encode(results))
end

function controller.run()
  dyna_controller.run()
end

return controller
