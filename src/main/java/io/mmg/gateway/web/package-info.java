/**
 * The HTTP edge: guards that hold for every request and every route, bundled or added later as a YAML file, so a
 * route author cannot forget them. Requests are refused while the routes are not up yet (503), bodies must be
 * UTF-8, query parameters must be ones the REST verb declares; answers carry only allow-listed headers, and even
 * the web server's own refusals (oversize headers) come in the gateway's error format. README "Security" lists them.
 */
package io.mmg.gateway.web;
