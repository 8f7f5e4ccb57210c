// Open311 GeoReport v2 under /open311/v2 (built by the Open311 work; placeholder router for now).
import express, { type Router } from 'express';
import type { AppContext } from '../../http/context.ts';

export function registerOpen311(_ctx: AppContext): Router {
  return express.Router();
}
