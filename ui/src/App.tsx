import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Home } from './pages/Home';
import { ModelDetailPage } from './pages/ModelDetail';
import { NotFound } from './pages/NotFound';

// pages only signed-in people reach load on first use
const Register = lazy(() => import('./pages/Register').then((m) => ({ default: m.Register })));
const MyModels = lazy(() => import('./pages/MyModels').then((m) => ({ default: m.MyModels })));
const ReviewQueue = lazy(() => import('./pages/ReviewQueue').then((m) => ({ default: m.ReviewQueue })));
const UserCenter = lazy(() => import('./pages/UserCenter').then((m) => ({ default: m.UserCenter })));
const Audit = lazy(() => import('./pages/Audit').then((m) => ({ default: m.Audit })));
const Admin = lazy(() => import('./pages/Admin').then((m) => ({ default: m.Admin })));

/** SPA routes; the query-side answers index.html for each of them. */
export const ROUTES = ['/', '/models/detail/:name', '/register', '/my-models', '/review', '/me', '/audit', '/admin'];

export function App() {
  return (
    <Suspense fallback={<p className="muted page">Loading…</p>}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route path="models/detail/:name" element={<ModelDetailPage />} />
          <Route path="register" element={<Register />} />
          <Route path="my-models" element={<MyModels />} />
          <Route path="review" element={<ReviewQueue />} />
          <Route path="me" element={<UserCenter />} />
          <Route path="audit" element={<Audit />} />
          <Route path="admin" element={<Admin />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
